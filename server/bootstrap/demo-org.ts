import type { Store } from '../store/types.ts';
import { hashPassword } from '../auth/passwords.ts';

export const DEMO_PASSWORD = 'formwork-demo';

interface DemoUser {
  username: string;
  displayName: string;
  dept: string;
  roles: string[];
  isHead?: boolean;
  phone: string;
}

const DEPARTMENTS = [
  { code: 'hq', name: '总经办 Head office', parent: null },
  { code: 'sales', name: '销售部 Sales', parent: 'hq' },
  { code: 'finance', name: '财务部 Finance', parent: 'hq' },
  { code: 'warehouse', name: '仓储物流部 Warehouse', parent: 'hq' },
  { code: 'production', name: '生产部 Production', parent: 'hq' },
] as const;

const USERS: DemoUser[] = [
  {
    username: 'ceo',
    displayName: '王总 Wang (GM)',
    dept: 'hq',
    roles: ['member'],
    isHead: true,
    phone: '13800000001',
  },
  {
    username: 'sales.head',
    displayName: '李娜 Li Na',
    dept: 'sales',
    roles: ['member'],
    isHead: true,
    phone: '13800000002',
  },
  {
    username: 'sales1',
    displayName: '张伟 Zhang Wei',
    dept: 'sales',
    roles: ['member'],
    phone: '13800000003',
  },
  {
    username: 'sales2',
    displayName: '赵敏 Zhao Min',
    dept: 'sales',
    roles: ['member'],
    phone: '13800000004',
  },
  {
    username: 'finance.head',
    displayName: '刘洋 Liu Yang',
    dept: 'finance',
    roles: ['member'],
    isHead: true,
    phone: '13800000005',
  },
  {
    username: 'finance1',
    displayName: '王芳 Wang Fang',
    dept: 'finance',
    roles: ['member'],
    phone: '13800000006',
  },
  {
    username: 'warehouse.head',
    displayName: '陈静 Chen Jing',
    dept: 'warehouse',
    roles: ['member'],
    isHead: true,
    phone: '13800000007',
  },
  {
    username: 'warehouse1',
    displayName: '孙磊 Sun Lei',
    dept: 'warehouse',
    roles: ['member'],
    phone: '13800000008',
  },
  {
    username: 'production.head',
    displayName: '周强 Zhou Qiang',
    dept: 'production',
    roles: ['member'],
    isHead: true,
    phone: '13800000009',
  },
  {
    username: 'designer',
    displayName: '吴婷 Wu Ting (analyst)',
    dept: 'hq',
    roles: ['designer', 'member'],
    phone: '13800000010',
  },
];

/** A small order-processing company: departments with heads and users per department. */
export async function seedDemoOrg(
  store: Store,
): Promise<{ username: string; displayName: string; department: string; roles: string }[]> {
  const deptIds = new Map<string, string>();
  for (const d of DEPARTMENTS) {
    const dept = await store.departments.insert({
      name: d.name,
      parentId: d.parent ? deptIds.get(d.parent)! : null,
      headUserId: null,
    });
    deptIds.set(d.code, dept.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins = [];
  for (const u of USERS) {
    const departmentId = deptIds.get(u.dept)!;
    const user = await store.users.insert({
      username: u.username,
      displayName: u.displayName,
      email: `${u.username}@demo.formwork.dev`,
      phone: u.phone,
      departmentId,
      roles: u.roles,
      isActive: true,
      passwordHash,
    });
    if (u.isHead) {
      const dept = await store.departments.getOrThrow(departmentId);
      await store.departments.updateIfVersion(dept.id, dept.version, { headUserId: user.id });
    }
    logins.push({
      username: u.username,
      displayName: u.displayName,
      department: DEPARTMENTS.find((d) => d.code === u.dept)!.name,
      roles: u.roles.join(','),
    });
  }
  return logins;
}
