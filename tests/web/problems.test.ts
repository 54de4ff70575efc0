import { describe, expect, it } from 'vitest';
import { fieldNameOf, groupFieldErrors } from '../../web/lib/problems.ts';

describe('#fieldNameOf', () => {
  it('turns pointer and dotted paths into antd name paths', () => {
    expect(fieldNameOf('email')).toEqual(['email']);
    expect(fieldNameOf('/email')).toEqual(['email']);
    expect(fieldNameOf('items/3/qty')).toEqual(['items', 3, 'qty']);
    expect(fieldNameOf('address.city')).toEqual(['address', 'city']);
  });
});

describe('#groupFieldErrors', () => {
  it('puts errors on known fields and keeps the rest apart', () => {
    const groups = groupFieldErrors(
      [
        { path: 'username', code: 'duplicate', message: 'taken' },
        { path: 'username', code: 'pattern', message: 'bad characters' },
        { path: 'roles/1', code: 'unknown', message: 'no such role' },
        { path: 'tenant', code: 'x', message: 'not a form field' },
      ],
      ['username', 'roles'],
    );
    expect(groups.fields).toEqual([
      { name: ['username'], errors: ['taken', 'bad characters'] },
      { name: ['roles', 1], errors: ['no such role'] },
    ]);
    expect(groups.rest.map((e) => e.path)).toEqual(['tenant']);
  });
});
