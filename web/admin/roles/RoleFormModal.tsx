import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { createRole, updateRole } from '../../api/org.ts';
import type { RoleInput } from '../../api/org.ts';
import type { Role } from '../../api/types.ts';
import { changedFields, withoutEmpty } from '../../lib/diff.ts';
import { EntityFormModal } from '../EntityFormModal.tsx';
import type { EntityFormCallbacks } from '../EntityFormModal.tsx';

const FIELDS = ['name', 'description'] as const;

/** Create or edit a role; a built-in role keeps its name. */
export function RoleFormModal(props: { role?: Role } & EntityFormCallbacks<Role>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoleInput>();
  const { role, ...callbacks } = props;
  const initialValues: RoleInput = role
    ? { name: role.name, description: role.description ?? '' }
    : { name: '', description: '' };

  const save = (values: RoleInput): Promise<Role> => {
    if (!role) return createRole(withoutEmpty(values));
    return updateRole(role.id, role.version, changedFields(initialValues, values));
  };

  return (
    <EntityFormModal<RoleInput, Role>
      title={role ? t('roles.editTitle', { name: role.name }) : t('roles.createTitle')}
      form={form}
      initialValues={initialValues}
      testId="role-form"
      fieldNames={FIELDS}
      save={save}
      {...callbacks}
    >
      <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true }]}>
        <Input disabled={role?.isBuiltIn} data-testid="role-form-name" />
      </Form.Item>
      <Form.Item name="description" label={t('roles.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="role-form-description" />
      </Form.Item>
    </EntityFormModal>
  );
}
