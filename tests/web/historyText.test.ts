import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordHistoryEntry } from '../../schemas/record-history.ts';
import en from '../../web/i18n/en.json';
import zhCN from '../../web/i18n/zh-CN.json';
import { historyText } from '../../web/apps/historyText.ts';

const i18n = i18next.createInstance();
const labels: Record<string, string> = { customer: 'Customer', items: 'Items' };
const labelOf = (key: string) => labels[key] ?? key;
const alice = { id: 'u1', displayName: 'Alice' };
const at = '2026-01-02T03:04:05.000Z';

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

describe('#historyText', () => {
  it('reads each entry type as a sentence naming the actor', () => {
    const t = i18n.getFixedT('en');
    const text = (entry: RecordHistoryEntry) => historyText(t, entry, labelOf).text;
    expect(text({ id: '1', at, actor: alice, type: 'created', status: 'draft' })).toBe(
      'Alice saved the record as a draft',
    );
    expect(text({ id: '2', at, actor: alice, type: 'created', status: 'submitted' })).toBe(
      'Alice submitted the record',
    );
    expect(text({ id: '3', at, actor: null, type: 'imported', importId: 'i1' })).toBe(
      'System created the record by data import',
    );
    expect(
      text({ id: '4', at, actor: { id: 'gone', displayName: null }, type: 'updated', changedFields: [] }),
    ).toBe('Unknown user changed the record');
  });

  it('lists changed fields by their labels in the reader’s language', () => {
    const entry: RecordHistoryEntry = {
      id: '1',
      at,
      actor: alice,
      type: 'submitted',
      changedFields: ['customer', 'items', 'note'],
    };
    expect(historyText(i18n.getFixedT('en'), entry, labelOf)).toEqual({
      text: 'Alice submitted the draft',
      changes: 'Changed: Customer, Items, note',
    });
    expect(historyText(i18n.getFixedT('zh-CN'), entry, labelOf)).toEqual({
      text: 'Alice 提交了草稿',
      changes: '修改的字段：Customer、Items、note',
    });
    expect(historyText(i18n.getFixedT('en'), { ...entry, changedFields: null }, labelOf).changes).toBeNull();
  });

  it('shows an entry type it does not know yet without failing', () => {
    const future = {
      id: '9',
      at,
      actor: alice,
      type: 'approved',
      step: 'Finance',
    } as unknown as RecordHistoryEntry;
    expect(historyText(i18n.getFixedT('en'), future, labelOf)).toEqual({
      text: 'Alice: approved',
      changes: null,
    });
  });
});
