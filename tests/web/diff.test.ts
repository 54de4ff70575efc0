import { describe, expect, it } from 'vitest';
import { changedFields, withoutEmpty } from '../../web/lib/diff.ts';

describe('#changedFields', () => {
  it('returns only what changed, deep-comparing arrays', () => {
    const before = { displayName: 'Li Lei', roles: ['member'], email: 'li@example.com' };
    const after = { displayName: 'Li Lei', roles: ['member', 'designer'], email: 'li@example.com' };
    expect(changedFields(before, after)).toEqual({ roles: ['member', 'designer'] });
  });

  it('sends a cleared optional field as null and ignores whitespace-only edits', () => {
    expect(changedFields({ email: 'a@b.c', phone: '' }, { email: '', phone: '  ' })).toEqual({ email: null });
  });
});

describe('#withoutEmpty', () => {
  it('drops empty members and trims strings', () => {
    expect(withoutEmpty({ username: ' li ', email: '', phone: undefined, roles: [] })).toEqual({
      username: 'li',
      roles: [],
    });
  });
});
