import { Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { message } from '../messages.ts';
import type { OrgDepartment, OrgUser, RendererServices, WidgetProps } from './types.ts';
import { useRenderer } from './types.ts';

const idsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string' && value
      ? [value]
      : [];

const userNames = new WeakMap<RendererServices, Map<string, string>>();
const namesFor = (services: RendererServices) => {
  let names = userNames.get(services);
  if (!names) userNames.set(services, (names = new Map()));
  return names;
};

/** Picks users by id; searches `services.searchUsers` as the user types, names known ids. */
export function MemberWidget({ id, field, value, onChange, isReadOnly, hasError, isCell }: WidgetProps) {
  const { locale, services } = useRenderer();
  const isMultiple = 'isMultiple' in field && field.isMultiple === true;
  const ids = idsOf(value);
  const names = namesFor(services);
  const [found, setFound] = useState<OrgUser[]>([]);
  const [, setKnown] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const missing = ids.filter((userId) => !names.has(userId)).join(',');
  useEffect(() => {
    if (!missing || !services.lookupUsers) return;
    let isCurrent = true;
    services
      .lookupUsers(missing.split(','))
      .then((users) => {
        for (const user of users) names.set(user.id, user.label);
        if (isCurrent) setKnown((n) => n + 1);
      })
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [missing, services, names]);

  const search = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim() || !services.searchUsers) return;
    timer.current = setTimeout(() => {
      services.searchUsers!(q.trim())
        .then((users) => {
          for (const user of users) names.set(user.id, user.label);
          setFound(users);
        })
        .catch(() => setFound([]));
    }, 250);
  };

  const options = useMemo(() => {
    const list = found.map((u) => ({ value: u.id, label: u.label }));
    for (const userId of ids)
      if (!list.some((o) => o.value === userId))
        list.unshift({ value: userId, label: names.get(userId) ?? userId });
    return list;
  }, [found, ids, names]);

  return (
    <Select
      id={id}
      mode={isMultiple ? 'multiple' : undefined}
      value={isMultiple ? ids : (ids[0] ?? undefined)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: search }}
      placeholder={message(locale, 'searchMember')}
      disabled={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      style={{ width: '100%' }}
      onChange={(next: string | string[] | undefined) => onChange(next === undefined ? null : next)}
    />
  );
}

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

const departmentCache = new WeakMap<RendererServices, Promise<OrgDepartment[]>>();

/** Picks departments from the org tree (`services.listDepartments`, loaded once per page). */
export function DepartmentWidget({ id, field, value, onChange, isReadOnly, hasError, isCell }: WidgetProps) {
  const { locale, services } = useRenderer();
  const isMultiple = 'isMultiple' in field && field.isMultiple === true;
  const [departments, setDepartments] = useState<OrgDepartment[]>([]);
  useEffect(() => {
    if (!services.listDepartments) return;
    let promise = departmentCache.get(services);
    if (!promise) departmentCache.set(services, (promise = services.listDepartments()));
    let isCurrent = true;
    promise.then((list) => isCurrent && setDepartments(list)).catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [services]);
  const tree = useMemo(() => buildTree(departments), [departments]);
  const ids = idsOf(value);
  return (
    <TreeSelect
      id={id}
      treeData={tree}
      multiple={isMultiple}
      value={isMultiple ? ids : (ids[0] ?? undefined)}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={message(locale, 'selectDepartment')}
      disabled={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      style={{ width: '100%' }}
      onChange={(next: string | string[] | undefined) => onChange(next === undefined ? null : next)}
    />
  );
}

function buildTree(departments: OrgDepartment[]): TreeNode[] {
  const nodes = new Map(
    departments.map((d) => [d.id, { value: d.id, title: d.name, children: [] as TreeNode[] }]),
  );
  const roots: TreeNode[] = [];
  for (const d of departments) {
    const node = nodes.get(d.id)!;
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
