import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteDepartment } from '../../api/org.ts';
import type { Department } from '../../api/types.ts';
import { problemText } from '../../lib/problems.ts';
import { PageHeader } from '../../pages/PageHeader.tsx';
import { useDirectory } from '../Directory.tsx';
import { DepartmentFormModal } from './DepartmentFormModal.tsx';
import { buildDepartmentTree } from './departmentTree.ts';
import type { DepartmentNode } from './departmentTree.ts';

type Dialog = { kind: 'create'; parentId: string | null } | { kind: 'edit'; department: Department } | null;

export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const directory = useDirectory();
  const [dialog, setDialog] = useState<Dialog>(null);
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

  const handleDelete = async (department: Department) => {
    try {
      await deleteDepartment(department.id);
      message.success(t('departments.deleted', { name: department.name }));
    } catch (error) {
      message.error(problemText(t, error));
    }
    await directory.reloadDepartments();
  };

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
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ kind: 'create', parentId: department.id })}
          >
            {t('departments.addChild')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', department })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('departments.confirmDelete', { name: department.name })}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => handleDelete(department)}
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const closeAndReload = () => {
    setDialog(null);
    void directory.reloadDepartments();
  };

  return (
    <div data-testid="departments-page">
      <PageHeader
        title={t('admin.departments')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create', parentId: null })}
            data-testid="create-department"
          >
            {t('departments.create')}
          </Button>
        }
      />
      <Table<DepartmentNode>
        rowKey="id"
        columns={columns}
        dataSource={tree}
        loading={directory.isLoading}
        pagination={false}
        expandable={{ expandedRowKeys, onExpand: handleExpand }}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="departments-table"
      />
      {dialog && (
        <DepartmentFormModal
          department={dialog.kind === 'edit' ? dialog.department : undefined}
          parentId={dialog.kind === 'create' ? dialog.parentId : undefined}
          onSaved={closeAndReload}
          onClose={() => setDialog(null)}
          onReload={closeAndReload}
        />
      )}
    </div>
  );
}
