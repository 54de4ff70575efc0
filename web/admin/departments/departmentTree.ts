import type { Department } from '../../api/types.ts';

export interface DepartmentNode extends Department {
  /** absent on leaves so the tree table shows no expand icon there */
  children?: DepartmentNode[];
}

/** Flat departments → tree sorted by name; a department whose parent is unknown becomes a root. */
export function buildDepartmentTree(departments: Department[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(departments.map((d) => [d.id, { ...d }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && !createsCycle(nodes, node)) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name));
    for (const n of list) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** `id` and all departments below it. */
export function descendantIds(departments: Department[], id: string): Set<string> {
  const result = new Set([id]);
  let isGrowing = true;
  while (isGrowing) {
    isGrowing = false;
    for (const d of departments) {
      if (d.parentId && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        isGrowing = true;
      }
    }
  }
  return result;
}

function createsCycle(nodes: Map<string, DepartmentNode>, node: DepartmentNode): boolean {
  const seen = new Set([node.id]);
  let current = node.parentId ? nodes.get(node.parentId) : undefined;
  while (current) {
    if (seen.has(current.id)) return true;
    seen.add(current.id);
    current = current.parentId ? nodes.get(current.parentId) : undefined;
  }
  return false;
}
