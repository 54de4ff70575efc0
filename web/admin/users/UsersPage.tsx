import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers, updateUser } from '../../api/org.ts';
import type { User } from '../../api/types.ts';
import { problemText } from '../../lib/problems.ts';
import { useReportError } from '../../lib/useReportError.ts';
import { AdminPage, CreateButton, ToolbarSearch } from '../AdminPage.tsx';
import { CursorTable } from '../AdminTable.tsx';
import { useDirectory } from '../Directory.tsx';
import { useCursorList } from '../useCursorList.ts';
import { PasswordModal } from './PasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { userColumns } from './userColumns.tsx';

const PAGE_SIZE = 50;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const directory = useDirectory();
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useCursorList<User>({
    queryKey: query,
    fetchPage: async (cursor) => {
      const page = await listUsers({ q: query || undefined, limit: PAGE_SIZE, cursor });
      directory.rememberUsers(page.items);
      return page;
    },
    onError: report,
  });

  const handleSaved = (user: User) => {
    list.upsert(user);
    directory.rememberUsers([user]);
    setDialog(null);
  };

  const toggleActive = (user: User) =>
    modal.confirm({
      title: user.isActive
        ? t('users.confirmDeactivate', { name: user.displayName })
        : t('users.confirmActivate', { name: user.displayName }),
      okText: user.isActive ? t('users.deactivate') : t('users.activate'),
      okButtonProps: { danger: user.isActive },
      cancelText: t('common.cancel'),
      onOk: () => saveActive(user),
    });

  const saveActive = async (user: User) => {
    try {
      handleSaved(await updateUser(user.id, user.version, { isActive: !user.isActive }));
      message.success(user.isActive ? t('users.deactivated') : t('users.activated'));
    } catch (error) {
      message.error(problemText(t, error));
      list.reload();
    }
  };

  const columns = userColumns({
    t,
    departmentName: directory.departmentName,
    onEdit: (user) => setDialog({ kind: 'edit', user }),
    onResetPassword: (user) => setDialog({ kind: 'password', user }),
    onToggleActive: toggleActive,
  });

  return (
    <AdminPage
      testId="users-page"
      title={t('admin.users')}
      toolbar={
        <>
          <ToolbarSearch
            placeholder={t('users.search')}
            onSearch={setQuery}
            maxWidth={280}
            testId="users-search"
          />
          <CreateButton onClick={() => setDialog({ kind: 'create' })} testId="create-user">
            {t('users.create')}
          </CreateButton>
        </>
      }
    >
      <CursorTable<User>
        list={list}
        columns={columns}
        data-testid="users-table"
        loadMoreTestId="users-load-more"
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : undefined}
          onSaved={handleSaved}
          onClose={() => setDialog(null)}
          onReload={() => {
            setDialog(null);
            list.reload();
          }}
        />
      )}
      {dialog?.kind === 'password' && <PasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </AdminPage>
  );
}
