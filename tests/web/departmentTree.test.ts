import { describe, expect, it } from 'vitest';
import type { Department } from '../../web/api/types.ts';
import { buildDepartmentTree, descendantIds } from '../../web/admin/departments/departmentTree.ts';

const dept = (id: string, name: string, parentId: string | null = null): Department => ({
  id,
  version: 1,
  name,
  parentId,
  headUserId: null,
});

const departments = [
  dept('s', 'Sales'),
  dept('e', 'East', 's'),
  dept('w', 'West', 's'),
  dept('n', 'North-east', 'e'),
  dept('o', 'Orphan', 'gone'),
];

describe('#buildDepartmentTree', () => {
  it('nests by parentId, sorts by name and roots orphans', () => {
    const tree = buildDepartmentTree(departments);
    expect(tree.map((d) => d.name)).toEqual(['Orphan', 'Sales']);
    expect(tree[1].children?.map((d) => d.name)).toEqual(['East', 'West']);
    expect(tree[1].children?.[0].children?.map((d) => d.id)).toEqual(['n']);
    expect(tree[1].children?.[1].children).toBeUndefined();
  });

  it('survives a parent cycle', () => {
    const tree = buildDepartmentTree([dept('a', 'A', 'b'), dept('b', 'B', 'a')]);
    expect(tree.map((d) => d.id).sort()).toEqual(['a', 'b']);
  });
});

describe('#descendantIds', () => {
  it('returns the department and everything below it', () => {
    expect([...descendantIds(departments, 's')].sort()).toEqual(['e', 'n', 's', 'w']);
  });
});
