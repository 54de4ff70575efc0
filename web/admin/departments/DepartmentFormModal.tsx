import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { createDepartment, updateDepartment } from '../../api/org.ts';
import type { DepartmentInput } from '../../api/org.ts';
import type { Department } from '../../api/types.ts';
import { changedFields } from '../../lib/diff.ts';
import { DepartmentPicker } from '../DepartmentPicker.tsx';
import { EntityFormModal } from '../EntityFormModal.tsx';
import type { EntityFormCallbacks } from '../EntityFormModal.tsx';
import { UserPicker } from '../UserPicker.tsx';

const FIELDS = ['name', 'parentId', 'headUserId'] as const;

/** Create a department (optionally under `parentId`) or edit one. */
export function DepartmentFormModal(
  props: { department?: Department; parentId?: string | null } & EntityFormCallbacks<Department>,
) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DepartmentInput>();
  const { department, parentId, ...callbacks } = props;
  const initialValues: DepartmentInput = department
    ? { name: department.name, parentId: department.parentId, headUserId: department.headUserId }
    : { name: '', parentId: parentId ?? null, headUserId: null };

  const save = (values: DepartmentInput): Promise<Department> => {
    const trimmed = { ...values, name: values.name.trim() };
    if (!department) return createDepartment(trimmed);
    return updateDepartment(department.id, department.version, changedFields(initialValues, trimmed));
  };

  return (
    <EntityFormModal<DepartmentInput, Department>
      title={
        department ? t('departments.editTitle', { name: department.name }) : t('departments.createTitle')
      }
      form={form}
      initialValues={initialValues}
      testId="department-form"
      fieldNames={FIELDS}
      save={save}
      {...callbacks}
    >
      <Form.Item name="name" label={t('departments.name')} rules={[{ required: true, whitespace: true }]}>
        <Input data-testid="department-form-name" />
      </Form.Item>
      <Form.Item name="parentId" label={t('departments.parent')} extra={t('departments.parentHint')}>
        <DepartmentPicker excludeId={department?.id} placeholder={t('departments.noParent')} />
      </Form.Item>
      <Form.Item name="headUserId" label={t('departments.head')}>
        <UserPicker data-testid="department-form-head" />
      </Form.Item>
    </EntityFormModal>
  );
}
