import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { User } from '../../api/types.ts';

export function userColumns(options: {
  t: TFunction;
  departmentName: (id: string | null | undefined) => string | undefined;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onToggleActive: (user: User) => void;
}): TableColumnsType<User> {
  const { t } = options;
  return [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('users.email'), dataIndex: 'email', key: 'email', render: (v?: string) => v || '—' },
    { title: t('users.phone'), dataIndex: 'phone', key: 'phone', render: (v?: string) => v || '—' },
    {
      title: t('users.department'),
      dataIndex: 'departmentId',
      key: 'department',
      render: (id?: string | null) => options.departmentName(id) ?? '—',
    },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: string[]) => (
        <Flex gap={4} wrap>
          {roles.map((role) => (
            <Tag key={role} color={role === 'admin' ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {role}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.active'),
      dataIndex: 'isActive',
      key: 'isActive',
      render: (isActive: boolean) =>
        isActive ? (
          <Tag color="green">{t('users.statusActive')}</Tag>
        ) : (
          <Tag>{t('users.statusInactive')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) => (
        <Flex gap={4} align="center">
          <Button type="link" size="small" onClick={() => options.onEdit(user)}>
            {t('common.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                user.isActive
                  ? { key: 'toggle', label: t('users.deactivate'), danger: true }
                  : { key: 'toggle', label: t('users.activate') },
                { key: 'password', label: t('users.resetPassword') },
              ],
              onClick: ({ key }) =>
                key === 'toggle' ? options.onToggleActive(user) : options.onResetPassword(user),
            }}
          >
            <Button type="link" size="small" data-testid={`user-more-${user.username}`}>
              {t('common.more')} <DownOutlined />
            </Button>
          </Dropdown>
        </Flex>
      ),
    },
  ];
}
