import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMainlandMobile, isValidUscc, usccCheckCharacter } from '../../../runtime/core/definition/index.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('isValidUscc (GB 32100-2015)', () => {
  // Published codes: the standard's worked example and well-known companies' business licences.
  it.each([
    ['91350100M000100Y43', 'GB 32100 example'],
    ['914403001922038216', 'Huawei Technologies'],
    ['9144030071526726XG', 'Tencent (Shenzhen)'],
    ['91330100716105852F', 'Alibaba (China)'],
    ['91110108551385082Q', 'Beijing Xiaomi'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y4', 'too short'],
    ['91350100M000100Y433', 'too long'],
    ['91350100m000100Y43', 'lower case'],
    ['91350100M0001O0Y43', 'letter O is not in the alphabet'],
    ['9135010OM000100Y43', 'letter in the division code'],
    ['913501 0M000100Y43', 'space'],
    ['', 'empty'],
  ])('rejects %j (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('computes the check character as 31 − Σ(Ci·3^(i−1) mod 31) mod 31', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('9144030071526726X')).toBe('G');
    expect(usccCheckCharacter('too short')).toBeNull();
  });

  it('accepts any body with its computed check character, and no other', () => {
    const symbol = fc.constantFrom(...ALPHABET);
    const digit = fc.constantFrom(...'0123456789');
    const body = fc
      .tuple(
        fc.array(symbol, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.array(symbol, { minLength: 9, maxLength: 9 }),
      )
      .map(([a, b, c]) => [...a, ...b, ...c].join(''));
    fc.assert(
      fc.property(body, symbol, (first17, other) => {
        const check = usccCheckCharacter(first17)!;
        expect(isValidUscc(first17 + check)).toBe(true);
        if (other !== check) expect(isValidUscc(first17 + other)).toBe(false);
      }),
    );
  });
});

describe('isMainlandMobile', () => {
  it.each(['13800138000', '19912345678', '16600001111'])('accepts %s', (value) => {
    expect(isMainlandMobile(value)).toBe(true);
  });

  it.each(['12800138000', '1380013800', '138001380000', '+8613800138000', '138-0013-8000', ''])(
    'rejects %j',
    (value) => {
      expect(isMainlandMobile(value)).toBe(false);
    },
  );
});
