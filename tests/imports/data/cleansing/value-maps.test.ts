import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  checkLength,
  checkPhone,
  checkUscc,
  compileValueMap,
  mapValue,
  parseBoolean,
} from '../../../../builder/excel-import/cleansing/index.ts';
import type { RuleResult } from '../../../../builder/excel-import/cleansing/index.ts';

const v = (r: RuleResult) => (r.ok ? r.value : `!${r.failure.code}`);

describe('value maps and checks', () => {
  it('maps values case- and width-insensitively: 1→男, M→男, F→女', () => {
    const map = compileValueMap([
      { from: '1', to: '男' },
      { from: 'M', to: '男' },
      { from: 'F', to: '女' },
    ]);
    expect(v(mapValue('m', map, {}))).toBe('男');
    expect(v(mapValue(1, map, {}))).toBe('男');
    expect(v(mapValue('Ｆ', map, {}))).toBe('女');
    expect(v(mapValue('X', map, {}))).toBe('X');
    expect(v(mapValue('X', map, { onMissing: 'error' }))).toBe('!notInMap');
  });

  it('keeps a case-sensitive map exact', () => {
    const map = compileValueMap([{ from: 'A', to: 1 }], true);
    expect(v(mapValue('a', map, { isCaseSensitive: true }))).toBe('a');
    expect(v(mapValue('A', map, { isCaseSensitive: true }))).toBe(1);
  });

  it('never reads a source value as an object key (__proto__ maps like any text)', () => {
    const map = compileValueMap([{ from: '__proto__', to: 'x' }]);
    expect(v(mapValue('__proto__', map, {}))).toBe('x');
    expect(v(mapValue('constructor', map, {}))).toBe('constructor');
  });

  it.each([
    ['Y', true],
    ['yes', true],
    ['是', true],
    ['TRUE', true],
    ['1', true],
    ['√', true],
    ['N', false],
    ['否', false],
    ['false', false],
    [0, false],
  ])('reads %j as %j', (input, expected) => {
    expect(v(parseBoolean(input))).toBe(expected);
  });

  it('refuses yes/no values it does not know', () => {
    expect(v(parseBoolean('maybe'))).toBe('!notBoolean');
  });

  it('checks the USCC checksum (GB 32100-2015), after removing spaces and dashes', () => {
    expect(v(checkUscc('91350100M000100Y43'))).toBe('91350100M000100Y43');
    expect(v(checkUscc(' 91350100-M000100Y43 '))).toBe('91350100M000100Y43');
    expect(v(checkUscc('91350100m000100y43'))).toBe('91350100M000100Y43');
    expect(v(checkUscc('91350100M000100Y44'))).toBe('!uscc');
    expect(v(checkUscc('123'))).toBe('!uscc');
  });

  it('checks mainland mobile numbers, dropping +86, spaces and dashes', () => {
    expect(v(checkPhone('138 0013 8000'))).toBe('13800138000');
    expect(v(checkPhone('+86 138-0013-8000'))).toBe('13800138000');
    expect(v(checkPhone(13800138000))).toBe('13800138000');
    expect(v(checkPhone('010-12345678'))).toBe('!phone');
  });

  it('checks e-mail addresses', () => {
    expect(v(checkEmail('a.b@example.com'))).toBe('a.b@example.com');
    expect(v(checkEmail('ａ＠ｅｘａｍｐｌｅ．ｃｏｍ'))).toBe('a@example.com');
    expect(v(checkEmail('a@b'))).toBe('!email');
    expect(v(checkEmail('no at sign'))).toBe('!email');
  });

  it('truncates or refuses text over a length limit, counting characters not UTF-16 units', () => {
    expect(v(checkLength('北京分公司', 2, 'truncate'))).toBe('北京');
    expect(v(checkLength('😀😀😀', 2, 'truncate'))).toBe('😀😀');
    expect(v(checkLength('abcdef', 3, 'error'))).toBe('!tooLong');
    expect(v(checkLength('abc', 3, 'error'))).toBe('abc');
  });
});
