import { describe, expect, it } from 'vitest';
import { callIn, expectError, makeCtx } from './helpers.ts';

describe('platform functions', () => {
  it('USER() is the user name, else the user id, else ""', () => {
    expect(callIn(makeCtx({ userName: 'Ann Lee', userId: 'u1' }), 'USER')).toBe('Ann Lee');
    expect(callIn(makeCtx({ userName: null, userId: 'u1' }), 'USER')).toBe('u1');
    expect(callIn(makeCtx(), 'USER')).toBe('');
  });

  it('DEPT() is the department name', () => {
    expect(callIn(makeCtx({ departmentName: 'Finance', departmentId: 'd7' }), 'DEPT')).toBe('Finance');
    expect(callIn(makeCtx(), 'DEPT')).toBe('');
  });

  it('RECORD_ID() is the record id, "" before the record is saved', () => {
    expect(callIn(makeCtx({ recordId: 'rec_42' }), 'RECORD_ID')).toBe('rec_42');
    expect(callIn(makeCtx({ recordId: null }), 'RECORD_ID')).toBe('');
  });

  it('ROW() is the 1-based line-item row, #VALUE! outside a row', () => {
    expect(callIn(makeCtx({ rowIndex: 0 }), 'ROW')).toBe(1);
    expect(callIn(makeCtx({ rowIndex: 4 }), 'ROW')).toBe(5);
    expectError(callIn(makeCtx({ rowIndex: null }), 'ROW'), '#VALUE!');
  });
});
