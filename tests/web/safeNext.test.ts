import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from '../../web/auth/safeNext.ts';

describe('#safeNextPath', () => {
  it('keeps a same-origin relative path with query and hash', () => {
    expect(safeNextPath('/admin/users?q=li#top')).toBe('/admin/users?q=li#top');
  });

  it.each([
    ['absolute URL', 'https://evil.example/'],
    ['protocol-relative URL', '//evil.example/x'],
    ['backslash trick', '/\\evil.example'],
    ['tab trick', '/\t/evil.example'],
    ['javascript URL', 'javascript:alert(1)'],
    ['relative without slash', 'admin'],
    ['login loop', '/login?next=/apps'],
    ['empty', ''],
    ['missing', null],
  ])('falls back to /apps for %s', (_, next) => {
    expect(safeNextPath(next)).toBe('/apps');
  });
});

describe('#loginPathFor', () => {
  it('carries the wanted page in next', () => {
    expect(loginPathFor({ pathname: '/admin/users', search: '?q=a' })).toBe(
      '/login?next=%2Fadmin%2Fusers%3Fq%3Da',
    );
  });

  it('omits next for the root page', () => {
    expect(loginPathFor({ pathname: '/' })).toBe('/login');
  });
});
