import { describe, expect, it, vi } from 'vitest';
import { applyEdits, compilePreview, saveReviewed } from '../../../builder/template-review/index.ts';
import type { FormDefinition } from '../../../runtime/core/index.ts';
import { importFixture } from './fixtures.ts';

const form = (fields: unknown[]): FormDefinition =>
  ({ schemaVersion: 1, settings: { title: 'T', indexedFields: [] }, fields }) as FormDefinition;

describe('compilePreview', () => {
  it('compiles an imported template', async () => {
    const { definition } = await importFixture('sales-order-zh.xlsx');
    const result = compilePreview(definition);
    expect(result.isValid && result.formulaProblems).toEqual([]);
  });

  it('returns the problems of an invalid definition instead of throwing', async () => {
    const { definition } = await importFixture('sales-order-zh.xlsx');
    const result = compilePreview(applyEdits(definition, { 'fields/0': { label: '   ' } }));
    expect(result.isValid).toBe(false);
    expect(!result.isValid && result.problems.map((p) => p.path)).toContain('fields/0/label');
  });

  it('lists formula problems while still compiling the form', () => {
    const result = compilePreview(form([{ key: 'a', label: 'A', type: 'number', formula: 'missing + 1' }]));
    expect(result.isValid).toBe(true);
    expect(result.isValid && result.formulaProblems.map((p) => p.path)).toEqual(['a']);
  });
});

describe('saveReviewed', () => {
  const services = (publish: () => Promise<number>) => ({
    createForm: vi.fn(async () => ({ id: 'f1', version: 1 })),
    publishForm: vi.fn(publish),
    describeError: (error: unknown) => `described: ${(error as Error).message}`,
  });

  it('saves a draft form with the title in its settings', async () => {
    const s = services(async () => 1);
    const outcome = await saveReviewed({
      services: s,
      title: ' Sales ',
      definition: form([]),
      isPublishing: false,
    });
    expect(outcome).toEqual({ status: 'draft', formId: 'f1' });
    expect(s.createForm).toHaveBeenCalledWith({
      title: 'Sales',
      definition: { schemaVersion: 1, settings: { title: 'Sales', indexedFields: [] }, fields: [] },
    });
    expect(s.publishForm).not.toHaveBeenCalled();
  });

  it('publishes version 1 at the saved document version', async () => {
    const s = services(async () => 1);
    const outcome = await saveReviewed({ services: s, title: 'S', definition: form([]), isPublishing: true });
    expect(outcome).toEqual({ status: 'published', formId: 'f1', versionNumber: 1 });
    expect(s.publishForm).toHaveBeenCalledWith({ id: 'f1', version: 1 });
  });

  it('keeps the draft and says why when publishing is refused', async () => {
    const s = services(async () => {
      throw new Error('formula problems');
    });
    const outcome = await saveReviewed({ services: s, title: 'S', definition: form([]), isPublishing: true });
    expect(outcome).toEqual({ status: 'publishFailed', formId: 'f1', error: 'described: formula problems' });
  });

  it('throws when the form cannot be created (nothing was stored)', async () => {
    const s = { ...services(async () => 1), createForm: vi.fn(async () => Promise.reject(new Error('422'))) };
    await expect(
      saveReviewed({ services: s, title: 'S', definition: form([]), isPublishing: true }),
    ).rejects.toThrow('422');
    expect(s.publishForm).not.toHaveBeenCalled();
  });
});
