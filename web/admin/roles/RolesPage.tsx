import { Button, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { deleteRole } from '../../api/org.ts';
import type { Role } from '../../api/types.ts';
import { AdminPage, CreateButton, DeleteLink } from '../AdminPage.tsx';
import { AdminTable } from '../AdminTable.tsx';
import { useDirectory } from '../Directory.tsx';
import { useEntityDialog } from '../useEntityDialog.ts';
import { RoleFormModal } from './RoleFormModal.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; role: Role };

export function RolesPage() {
  const { t } = useTranslation();
  const directory = useDirectory();
  const { dialog, open, close, closeAndReload, remove } = useEntityDialog<Dialog, Role>({
    reload: directory.reloadRoles,
    remove: (role) => deleteRole(role.id),
    deletedText: (role) => t('roles.deleted', { name: role.name }),
  });
  const roles = [...directory.roles].sort(
    (a, b) => Number(b.isBuiltIn) - Number(a.isBuiltIn) || a.name.localeCompare(b.name),
  );

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
          <Button type="link" size="small" onClick={() => open({ kind: 'edit', role })}>
            {t('common.edit')}
          </Button>
          <DeleteLink
            confirmTitle={t('roles.confirmDelete', { name: role.name })}
            onConfirm={() => remove(role)}
            disabledReason={role.isBuiltIn ? t('roles.builtInNotDeletable') : undefined}
          />
        </Space>
      ),
    },
  ];

  return (
    <AdminPage
      testId="roles-page"
      title={t('admin.roles')}
      toolbar={
        <CreateButton onClick={() => open({ kind: 'create' })} testId="create-role">
          {t('roles.create')}
        </CreateButton>
      }
    >
      <AdminTable<Role>
        columns={columns}
        dataSource={roles}
        loading={directory.isLoading}
        data-testid="roles-table"
      />
      {dialog && (
        <RoleFormModal
          role={dialog.kind === 'edit' ? dialog.role : undefined}
          onSaved={closeAndReload}
          onClose={close}
          onReload={closeAndReload}
        />
      )}
    </AdminPage>
  );
}
