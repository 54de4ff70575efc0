import { useCallback, useMemo, useState } from 'react';
import type { FormDefinition } from '../../runtime/core/index.ts';
import { applyEdits, fieldAt, withFieldEdit } from './edits.ts';
import { buildFieldTree } from './field-tree.ts';
import type { FieldRow } from './field-tree.ts';
import { saveReviewed } from './save.ts';
import type { SaveOutcome } from './save.ts';
import type { FieldEdit, FieldEdits, TemplateAnalysis, TemplateReviewServices } from './types.ts';

export type ReviewStep = 'upload' | 'sheets' | 'review' | 'save';

export interface TemplateReviewState {
  step: ReviewStep;
  file: File | null;
  analysis: TemplateAnalysis | null;
  /** an analysis in flight */
  isAnalysing: boolean;
  /** why the last upload or re-analysis was refused */
  analyseError: string | null;
  rows: FieldRow[];
  /** the imported definition with the edits and title applied */
  reviewed: FormDefinition | null;
  title: string;
  outcome: SaveOutcome | null;
}

/**
 * The review screen's state: the file (kept in the browser so sheets can be re-analysed), the
 * server's analysis, the admin's edits on top of it, and the save outcome.
 */
export function useTemplateReview(services: TemplateReviewServices) {
  const [step, setStep] = useState<ReviewStep>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [analysis, setAnalysis] = useState<TemplateAnalysis | null>(null);
  const [isAnalysing, setAnalysing] = useState(false);
  const [analyseError, setAnalyseError] = useState<string | null>(null);
  const [edits, setEdits] = useState<FieldEdits>({});
  const [title, setTitle] = useState('');
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  const analyse = useCallback(
    async (input: { file: File; sheets?: readonly string[]; next: ReviewStep }) => {
      setAnalysing(true);
      setAnalyseError(null);
      try {
        const result = await services.analyse({ file: input.file, sheets: input.sheets });
        setFile(input.file);
        setAnalysis(result);
        setEdits({});
        setTitle(result.definition.settings.title);
        setStep(input.next);
      } catch (error) {
        setAnalyseError(services.describeError(error));
      } finally {
        setAnalysing(false);
      }
    },
    [services],
  );

  const rows = useMemo(
    () =>
      analysis ? buildFieldTree({ definition: analysis.definition, edits, report: analysis.report }) : [],
    [analysis, edits],
  );
  const reviewed = useMemo(
    () => (analysis ? applyEdits(analysis.definition, edits, title) : null),
    [analysis, edits, title],
  );

  const actions = {
    upload: (picked: File) => void analyse({ file: picked, next: 'sheets' }),
    /** analyses the chosen sheets again, unless they are the ones already analysed */
    chooseSheets: (sheets: readonly string[]) => {
      const current = analysis?.sheets.filter((s) => s.isSelected).map((s) => s.name) ?? [];
      const isSame = current.length === sheets.length && sheets.every((name) => current.includes(name));
      if (isSame || !file) setStep('review');
      else void analyse({ file, sheets, next: 'review' });
    },
    editField: (row: FieldRow, patch: FieldEdit) => {
      const imported = analysis ? fieldAt(analysis.definition, row.id) : undefined;
      if (imported) setEdits((current) => withFieldEdit({ edits: current, path: row.id, patch, imported }));
    },
    setTitle,
    goTo: setStep,
    save: async (isPublishing: boolean) => {
      if (!reviewed) return;
      setOutcome(await saveReviewed({ services, title, definition: reviewed, isPublishing }));
    },
    restart: () => {
      setStep('upload');
      setFile(null);
      setAnalysis(null);
      setAnalyseError(null);
      setEdits({});
      setTitle('');
      setOutcome(null);
    },
  };

  const state: TemplateReviewState = {
    step,
    file,
    analysis,
    isAnalysing,
    analyseError,
    rows,
    reviewed,
    title,
    outcome,
  };
  return { state, actions, editCount: Object.keys(edits).length };
}
