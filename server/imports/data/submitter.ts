import type { SubmitterContext } from '../../records/record-validation.ts';
import type { Store } from '../../store/types.ts';

/** The importing user as formulas see a submitter (USER(), DEPT()). */
export async function submitterOf(store: Store, userId: string): Promise<SubmitterContext> {
  const user = await store.users.get(userId);
  const department = user?.departmentId ? await store.departments.get(user.departmentId) : null;
  return {
    userId,
    userName: user?.displayName ?? userId,
    departmentId: user?.departmentId ?? null,
    departmentName: department?.name ?? null,
  };
}
