import {
  ApartmentOutlined,
  AuditOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Segmented, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { hasRole, useAuth } from '../auth/AuthContext.tsx';
import { useIsMobile } from '../layout/useIsMobile.ts';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import NotFoundPage from '../pages/NotFoundPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { DepartmentsPage } from './departments/DepartmentsPage.tsx';
import { DirectoryProvider } from './Directory.tsx';
import { ImportsSection } from './imports/ImportsSection.tsx';
import { RolesPage } from './roles/RolesPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';

/** /admin/*: organisation and audit, for the `admin` role only. */
export default function AdminSection() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  if (!hasRole(state.user, 'admin')) return <ForbiddenPage />;

  const selected = location.pathname.split('/')[2] ?? 'users';
  const items = [
    { key: 'users', icon: <TeamOutlined />, text: t('admin.users') },
    { key: 'departments', icon: <ApartmentOutlined />, text: t('admin.departments') },
    { key: 'roles', icon: <SafetyCertificateOutlined />, text: t('admin.roles') },
    { key: 'audit', icon: <AuditOutlined />, text: t('admin.audit') },
    { key: 'imports', icon: <ImportOutlined />, text: t('admin.imports') },
  ];
  // a phone gets a segmented switch that scrolls sideways when the labels are long
  const nav = isMobile ? (
    <div style={{ overflowX: 'auto', flexShrink: 0 }}>
      <Segmented
        value={selected}
        options={items.map((item) => ({ value: item.key, label: item.text }))}
        onChange={(key) => navigate(`/admin/${key}`)}
        data-testid="admin-nav"
      />
    </div>
  ) : (
    <Menu
      mode="inline"
      items={items.map(({ key, icon, text }) => ({
        key,
        icon,
        label: <Link to={`/admin/${key}`}>{text}</Link>,
      }))}
      selectedKeys={[selected]}
      style={{ borderInlineEnd: 'none' }}
      data-testid="admin-nav"
    />
  );

  return (
    <DirectoryProvider>
      <Layout style={{ background: 'transparent', gap: isMobile ? 12 : 24 }}>
        {isMobile ? (
          nav
        ) : (
          <Layout.Sider
            width={184}
            style={{
              background: token.colorBgContainer,
              borderRadius: token.borderRadiusLG,
              alignSelf: 'flex-start',
              overflow: 'hidden',
            }}
          >
            {nav}
          </Layout.Sider>
        )}
        <Layout.Content style={{ minWidth: 0 }}>
          <Routes>
            <Route index element={<Navigate to="users" replace />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="departments" element={<DepartmentsPage />} />
            <Route path="roles" element={<RolesPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="imports/*" element={<ImportsSection />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </DirectoryProvider>
  );
}
