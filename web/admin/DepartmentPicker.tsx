import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from './Directory.tsx';
import { buildDepartmentTree, descendantIds } from './departments/departmentTree.ts';
import type { DepartmentNode } from './departments/departmentTree.ts';

interface DepartmentPickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** this department and everything below it cannot be chosen (a department's own parent) */
  excludeId?: string;
  placeholder?: string;
}

export function DepartmentPicker({ value, onChange, excludeId, placeholder }: DepartmentPickerProps) {
  const { t } = useTranslation();
  const { departments } = useDirectory();
  const treeData = useMemo(() => {
    const excluded = excludeId ? descendantIds(departments, excludeId) : new Set<string>();
    return toTreeData(buildDepartmentTree(departments), excluded);
  }, [departments, excludeId]);

  return (
    <TreeSelect
      allowClear
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('common.selectDepartment')}
      notFoundContent={t('common.noMatch')}
    />
  );
}

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children?: TreeOption[];
}

function toTreeData(nodes: DepartmentNode[], excluded: Set<string>): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    disabled: excluded.has(node.id),
    children: node.children ? toTreeData(node.children, excluded) : undefined,
  }));
}
