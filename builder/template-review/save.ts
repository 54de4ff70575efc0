/** Saving the reviewed definition as a draft form, and publishing it when asked. */
import type { FormDefinition } from '../../runtime/core/index.ts';
import type { TemplateReviewServices } from './types.ts';

export type SaveOutcome =
  | { status: 'draft'; formId: string }
  | { status: 'published'; formId: string; versionNumber: number }
  /** the form was saved, publishing it was refused: it stays a draft */
  | { status: 'publishFailed'; formId: string; error: string };

/**
 * Creates the form (`POST /forms`) and, with `isPublishing`, publishes version 1. A failed
 * create throws (nothing was stored); a failed publish resolves to `publishFailed` because the
 * draft form exists by then.
 */
export async function saveReviewed(args: {
  services: Pick<TemplateReviewServices, 'createForm' | 'publishForm' | 'describeError'>;
  title: string;
  definition: FormDefinition;
  isPublishing: boolean;
}): Promise<SaveOutcome> {
  const { services, definition, isPublishing } = args;
  const title = args.title.trim();
  const saved = await services.createForm({
    title,
    definition: { ...definition, settings: { ...definition.settings, title } },
  });
  if (!isPublishing) return { status: 'draft', formId: saved.id };
  try {
    const versionNumber = await services.publishForm(saved);
    return { status: 'published', formId: saved.id, versionNumber };
  } catch (error) {
    return { status: 'publishFailed', formId: saved.id, error: services.describeError(error) };
  }
}
