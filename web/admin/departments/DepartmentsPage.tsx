import { Button, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteDepartment } from '../../api/org.ts';
import type { Department } from '../../api/types.ts';
import { AdminPage, CreateButton, DeleteLink } from '../AdminPage.tsx';
import { AdminTable } from '../AdminTable.tsx';
import { useDirectory } from '../Directory.tsx';
import { useEntityDialog } from '../useEntityDialog.ts';
import { DepartmentFormModal } from './DepartmentFormModal.tsx';
import { buildDepartmentTree } from './departmentTree.ts';
import type { DepartmentNode } from './departmentTree.ts';

type Dialog = { kind: 'create'; parentId: string | null } | { kind: 'edit'; department: Department };

export function DepartmentsPage() {
  const { t } = useTranslation();
  const directory = useDirectory();
  const { dialog, open, close, closeAndReload, remove } = useEntityDialog<Dialog, Department>({
    reload: directory.reloadDepartments,
    remove: (department) => deleteDepartment(department.id),
    deletedText: (department) => t('departments.deleted', { name: department.name }),
  });
  const tree = useMemo(() => buildDepartmentTree(directory.departments), [directory.departments]);
  // everything starts expanded, also departments added later; the user collapses what they like
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const parentIds = new Set(directory.departments.map((d) => d.parentId).filter((id): id is string => !!id));
  const expandedRowKeys = [...parentIds].filter((id) => !collapsed.has(id));
  const handleExpand = (isExpanded: boolean, department: DepartmentNode) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (isExpanded) next.delete(department.id);
      else next.add(department.id);
      return next;
    });

  const columns: TableColumnsType<DepartmentNode> = [
    { title: t('departments.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('departments.head'),
      dataIndex: 'headUserId',
      key: 'head',
      render: (id: string | null) => directory.userLabel(id) ?? '—',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, department) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => open({ kind: 'create', parentId: department.id })}>
            {t('departments.addChild')}
          </Button>
          <Button type="link" size="small" onClick={() => open({ kind: 'edit', department })}>
            {t('common.edit')}
          </Button>
          <DeleteLink
            confirmTitle={t('departments.confirmDelete', { name: department.name })}
            onConfirm={() => remove(department)}
          />
        </Space>
      ),
    },
  ];

  return (
    <AdminPage
      testId="departments-page"
      title={t('admin.departments')}
      toolbar={
        <CreateButton onClick={() => open({ kind: 'create', parentId: null })} testId="create-department">
          {t('departments.create')}
        </CreateButton>
      }
    >
      <AdminTable<DepartmentNode>
        columns={columns}
        dataSource={tree}
        loading={directory.isLoading}
        expandable={{ expandedRowKeys, onExpand: handleExpand }}
        data-testid="departments-table"
      />
      {dialog && (
        <DepartmentFormModal
          department={dialog.kind === 'edit' ? dialog.department : undefined}
          parentId={dialog.kind === 'create' ? dialog.parentId : undefined}
          onSaved={closeAndReload}
          onClose={close}
          onReload={closeAndReload}
        />
      )}
    </AdminPage>
  );
}
