import { Button, Grid, Result, Steps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RendererLocale } from '../../runtime/react/index.ts';
import { ReviewStep } from './ReviewStep.tsx';
import type { SaveOutcome } from './save.ts';
import { SaveStep } from './SaveStep.tsx';
import { SheetsStep } from './SheetsStep.tsx';
import type { TemplateReviewServices } from './types.ts';
import { UploadStep } from './UploadStep.tsx';
import { useTemplateReview } from './useTemplateReview.ts';
import type { ReviewStep as StepName } from './useTemplateReview.ts';

const STEPS: StepName[] = ['upload', 'sheets', 'review', 'save'];

export interface TemplateReviewProps {
  services: TemplateReviewServices;
  locale: RendererLocale;
  /** links offered once the form is saved (fill it in, back to the forms list) */
  renderDoneActions: (outcome: SaveOutcome) => ReactNode;
}

/**
 * Excel/CSV template → form: upload, pick the sheets, review the detected fields beside a live
 * preview, save as a draft form or publish it. The server analyses, this screen stores nothing
 * until the admin saves.
 */
export function TemplateReview({ services, locale, renderDoneActions }: TemplateReviewProps) {
  const { t } = useTranslation();
  const { state, actions, editCount } = useTemplateReview(services);
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.md === false;
  const current = STEPS.indexOf(state.step);
  const { analysis, file, outcome } = state;

  const titleCell = analysis?.report.elements.find((e) => e.kind === 'title')?.sourceCell ?? null;
  let body: ReactNode;
  if (outcome) {
    body = (
      <Result
        status={outcome.status === 'publishFailed' ? 'warning' : 'success'}
        title={
          outcome.status === 'published'
            ? t('templateImport.published', { version: outcome.versionNumber })
            : outcome.status === 'draft'
              ? t('templateImport.savedDraft')
              : t('templateImport.publishFailed')
        }
        subTitle={outcome.status === 'publishFailed' ? outcome.error : state.title}
        extra={
          <>
            {renderDoneActions(outcome)}
            <Button onClick={actions.restart} data-testid="template-restart">
              {t('templateImport.another')}
            </Button>
          </>
        }
        data-testid="template-saved"
        data-status={outcome.status}
      />
    );
  } else if (state.step === 'upload' || !analysis || !file || !state.reviewed) {
    body = <UploadStep isAnalysing={state.isAnalysing} error={state.analyseError} onFile={actions.upload} />;
  } else if (state.step === 'sheets') {
    body = (
      <SheetsStep
        // a new analysis (another file, other sheets) starts from its own selection
        key={analysis.sheets.map((s) => `${s.name}:${s.isSelected}`).join('|')}
        file={file}
        analysis={analysis}
        isAnalysing={state.isAnalysing}
        error={state.analyseError}
        onBack={actions.restart}
        onContinue={actions.chooseSheets}
      />
    );
  } else if (state.step === 'review') {
    body = (
      <ReviewStep
        analysis={analysis}
        rows={state.rows}
        reviewed={state.reviewed}
        editCount={editCount}
        locale={locale}
        services={services.renderer}
        isNarrow={isNarrow}
        onEdit={actions.editField}
        onBack={() => actions.goTo('sheets')}
        onNext={() => actions.goTo('save')}
      />
    );
  } else {
    body = (
      <SaveStep
        title={state.title}
        titleCell={titleCell}
        definition={state.reviewed}
        onTitle={actions.setTitle}
        onBack={() => actions.goTo('review')}
        onSave={actions.save}
        describeError={services.describeError}
      />
    );
  }

  return (
    <div data-testid="template-review" data-step={outcome ? 'done' : state.step}>
      <Steps
        size="small"
        // four short titles fit a phone side by side, under their icons
        responsive={false}
        titlePlacement={isNarrow ? 'vertical' : 'horizontal'}
        current={outcome ? STEPS.length : current}
        style={{ marginBottom: 24 }}
        onChange={(index) => actions.goTo(STEPS[index])}
        items={STEPS.map((step, index) => ({
          title: t(`templateImport.steps.${step}`),
          // only finished steps can be revisited, and none once the form is saved
          disabled: outcome !== null || index >= current || (index > 0 && !analysis),
        }))}
      />
      {body}
    </div>
  );
}
