import type { FormDefinition } from '../../runtime/core/index.ts';
import type {
  SavedFormRef,
  TemplateAnalysis,
  TemplateReviewServices,
} from '../../builder/template-review/index.ts';
import type { TFunction } from 'i18next';
import { api } from '../api/client.ts';
import { rendererServices } from '../apps/api.ts';
import { problemText } from '../lib/problems.ts';

/** `POST /imports/templates`: the file as a multipart part, each chosen sheet as a `sheet` field before it. */
export function analyseTemplate(input: {
  file: File;
  sheets?: readonly string[];
}): Promise<TemplateAnalysis> {
  const body = new FormData();
  for (const sheet of input.sheets ?? []) body.append('sheet', sheet);
  body.append('file', input.file, input.file.name);
  return api<TemplateAnalysis>('/imports/templates', { method: 'POST', body });
}

export const createForm = (input: { title: string; definition: FormDefinition }): Promise<SavedFormRef> =>
  api<SavedFormRef>('/forms', { method: 'POST', body: input });

/** Publishes the draft of a form at document version `version`; the new version's number. */
export async function publishForm(form: SavedFormRef): Promise<number> {
  const published = await api<{ number: number }>(`/forms/${encodeURIComponent(form.id)}/versions`, {
    method: 'POST',
    body: { version: form.version },
  });
  return published.number;
}

/** The review screen's services over the API client. */
export const templateReviewServices = (t: TFunction): TemplateReviewServices => ({
  analyse: analyseTemplate,
  createForm,
  publishForm,
  describeError: (error) => problemText(t, error),
  renderer: rendererServices,
});
