import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Divider, Drawer, Flex, Layout, Menu, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole, useAuth } from '../auth/AuthContext.tsx';
import { FullPageSpin } from './FullPageSpin.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';
import { navItems, navKeyOf } from './navItems.tsx';
import { useIsMobile } from './useIsMobile.ts';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in shell: header with navigation, language and user menu; pages render below. */
export function AppLayout() {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  if (state.status !== 'authenticated') return null;

  const user = state.user;
  const items = navItems(t, { isAdmin: hasRole(user, 'admin'), isDesigner: hasRole(user, 'designer') });
  const selectedKeys = [navKeyOf(location.pathname) ?? ''];
  const handleSignOut = async () => {
    setDrawerOpen(false);
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: isMobile ? 16 : 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Logo />
        {isMobile ? (
          <>
            <div style={{ flex: 1 }} />
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              data-testid="nav-toggle"
              onClick={() => setDrawerOpen(true)}
            />
          </>
        ) : (
          <>
            <Menu
              mode="horizontal"
              items={items}
              selectedKeys={selectedKeys}
              style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
              data-testid="main-nav"
            />
            <LanguageSwitch />
            <UserMenu user={user} onSignOut={() => void handleSignOut()} />
          </>
        )}
      </Layout.Header>
      {isMobile && (
        <Drawer
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="right"
          size={280}
          title={
            <Flex align="center" gap={8}>
              <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: token.colorPrimary }} />
              <Typography.Text strong ellipsis>
                {user.displayName}
              </Typography.Text>
            </Flex>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selectedKeys}
            onClick={() => setDrawerOpen(false)}
            style={{ borderInlineEnd: 'none' }}
          />
          <Divider style={{ margin: '8px 0' }} />
          <Flex vertical align="start" style={{ padding: '0 12px' }} gap={4}>
            <LanguageSwitch />
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void handleSignOut()}>
              {t('user.signOut')}
            </Button>
          </Flex>
        </Drawer>
      )}
      <Layout.Content style={{ padding: isMobile ? 12 : 24 }}>
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
