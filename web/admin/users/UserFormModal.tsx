import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { createUser, updateUser } from '../../api/org.ts';
import type { NewUser } from '../../api/org.ts';
import type { User } from '../../api/types.ts';
import { changedFields, withoutEmpty } from '../../lib/diff.ts';
import { DepartmentPicker } from '../DepartmentPicker.tsx';
import { useDirectory } from '../Directory.tsx';
import { EntityFormModal } from '../EntityFormModal.tsx';
import type { EntityFormCallbacks } from '../EntityFormModal.tsx';

type UserValues = Omit<NewUser, 'password'> & { password?: string };

const FIELDS = [
  'username',
  'displayName',
  'email',
  'phone',
  'departmentId',
  'roles',
  'isActive',
  'password',
] as const;

/** Create a user (`user` absent) or edit one; PATCH carries only the changed fields. */
export function UserFormModal(props: { user?: User } & EntityFormCallbacks<User>) {
  const { t } = useTranslation();
  const { roles } = useDirectory();
  const [form] = Form.useForm<UserValues>();
  const { user, ...callbacks } = props;
  const initialValues: Partial<UserValues> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        email: user.email ?? '',
        phone: user.phone ?? '',
        departmentId: user.departmentId ?? null,
        roles: user.roles,
        isActive: user.isActive,
      }
    : { roles: ['member'], isActive: true, departmentId: null };
  const roleOptions = roles.map((r) => ({ value: r.name, label: r.name }));
  for (const name of initialValues.roles ?? []) {
    if (!roleOptions.some((o) => o.value === name)) roleOptions.push({ value: name, label: name });
  }

  const save = (values: UserValues): Promise<User> => {
    // the password goes as typed: no trimming
    if (!user) return createUser({ ...withoutEmpty(values), password: values.password } as NewUser);
    const { username: _username, password: _password, ...editable } = values;
    return updateUser(user.id, user.version, changedFields(initialValues, editable));
  };

  return (
    <EntityFormModal<UserValues, User>
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      form={form}
      initialValues={initialValues}
      testId="user-form"
      fieldNames={FIELDS}
      save={save}
      {...callbacks}
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[{ required: true, whitespace: true }]}
        extra={user ? undefined : t('users.usernameHint')}
      >
        <Input autoComplete="off" disabled={!!user} data-testid="user-form-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input data-testid="user-form-displayName" />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email' }]}>
        <Input type="email" autoComplete="off" data-testid="user-form-email" />
      </Form.Item>
      <Form.Item name="phone" label={t('users.phone')}>
        <Input type="tel" autoComplete="off" data-testid="user-form-phone" />
      </Form.Item>
      <Form.Item name="departmentId" label={t('users.department')}>
        <DepartmentPicker />
      </Form.Item>
      <Form.Item name="roles" label={t('users.roles')}>
        <Select mode="multiple" options={roleOptions} data-testid="user-form-roles" />
      </Form.Item>
      {!user && (
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          rules={[{ required: true }, { min: 8 }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
      )}
      <Form.Item name="isActive" label={t('users.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </EntityFormModal>
  );
}
