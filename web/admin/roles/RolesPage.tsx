import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteRole } from '../../api/org.ts';
import type { Role } from '../../api/types.ts';
import { problemText } from '../../lib/problems.ts';
import { PageHeader } from '../../pages/PageHeader.tsx';
import { useDirectory } from '../Directory.tsx';
import { RoleFormModal } from './RoleFormModal.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; role: Role } | null;

export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const directory = useDirectory();
  const [dialog, setDialog] = useState<Dialog>(null);
  const roles = [...directory.roles].sort(
    (a, b) => Number(b.isBuiltIn) - Number(a.isBuiltIn) || a.name.localeCompare(b.name),
  );

  const handleDelete = async (role: Role) => {
    try {
      await deleteRole(role.id);
      message.success(t('roles.deleted', { name: role.name }));
    } catch (error) {
      message.error(problemText(t, error));
    }
    await directory.reloadRoles();
  };

  const columns: TableColumnsType<Role> = [
    {
      title: t('roles.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, role) => (
        <Space>
          <span>{name}</span>
          {role.isBuiltIn && <Tag color="purple">{t('roles.builtIn')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('roles.description'),
      dataIndex: 'description',
      key: 'description',
      render: (v?: string) => v || '—',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, role) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', role })}>
            {t('common.edit')}
          </Button>
          {role.isBuiltIn ? (
            <Tooltip title={t('roles.builtInNotDeletable')}>
              <Button type="link" size="small" danger disabled>
                {t('common.delete')}
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title={t('roles.confirmDelete', { name: role.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => handleDelete(role)}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const closeAndReload = () => {
    setDialog(null);
    void directory.reloadRoles();
  };

  return (
    <div data-testid="roles-page">
      <PageHeader
        title={t('admin.roles')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="create-role"
          >
            {t('roles.create')}
          </Button>
        }
      />
      <Table<Role>
        rowKey="id"
        columns={columns}
        dataSource={roles}
        loading={directory.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="roles-table"
      />
      {dialog && (
        <RoleFormModal
          role={dialog.kind === 'edit' ? dialog.role : undefined}
          onSaved={closeAndReload}
          onClose={() => setDialog(null)}
          onReload={closeAndReload}
        />
      )}
    </div>
  );
}
