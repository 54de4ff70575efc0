import { Alert, App, Button, Card, Flex, InputNumber, Select, Space, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import { useReportError } from '../../lib/useReportError.ts';
import { FullPageSpin } from '../../layout/FullPageSpin.tsx';
import { PageHeader } from '../../pages/PageHeader.tsx';
import {
  checkConfig,
  getImport,
  listImports,
  reuseConfig,
  startCommit,
  startDryRun,
  startUndo,
  suggestMapping,
  type ImportJob,
} from './api.ts';
import { applyConfig, configOf, draftFromJob, type ImportDraft } from './draft.ts';
import { JobProgress, RUNNING_STATES } from './JobProgress.tsx';
import { MappingTable } from './MappingTable.tsx';
import { OptionsPanel } from './OptionsPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { StateTag } from './StateTag.tsx';

const POLL_MS = 800;

/** One import: mapping and cleansing rules, dry run with its error report, commit, undo. */
export function ImportJobPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const report = useReportError();
  const { modal, message } = App.useApp();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const [previous, setPrevious] = useState<ImportJob[]>([]);
  const [warning, setWarning] = useState<string[]>([]);
  const [threshold, setThreshold] = useState<number | null>(null);

  const load = useCallback(() => getImport(id).then(setJob, report), [id, report]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (job && !draft) setDraft(draftFromJob(job));
  }, [job, draft]);
  useEffect(() => {
    if (!job || !RUNNING_STATES.has(job.state)) return;
    const timer = setTimeout(load, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, load]);
  useEffect(() => {
    if (!job) return;
    listImports({ formId: job.formId }).then(
      (page) => setPrevious(page.items.filter((j) => j.id !== job.id && j.config)),
      () => undefined,
    );
  }, [job?.formId, job?.id]);

  const fields = useMemo(() => job?.fields ?? [], [job?.fields]);
  if (!job || !draft) return <FullPageSpin />;
  const patch = (p: Partial<ImportDraft>) => setDraft({ ...draft, ...p });
  const sheet = job.source.sheets[draft.sheet];
  const itemSheet = draft.itemSheet === null ? undefined : job.source.sheets[draft.itemSheet];
  const isRunning = RUNNING_STATES.has(job.state);
  const canEdit = ['uploaded', 'validated', 'failed'].includes(job.state);

  const changeSheet = async (index: number, headerRow?: number) => {
    const s = await suggestMapping(job.id, index, headerRow).catch(report);
    if (!s) return;
    setDraft({
      ...draft,
      sheet: index,
      headerRow: s.headerRow,
      headers: s.headers,
      suggested: s.suggested,
      targets: Object.fromEntries(s.suggested.map((m) => [m.column, m.field])),
      rules: {},
    });
  };
  const changeItemSheet = async (index: number | null) => {
    if (index === null) return patch({ itemSheet: null });
    const s = await suggestMapping(job.id, index).catch(report);
    if (!s) return;
    const tableFields = new Set(fields.filter((f) => f.table !== null).map((f) => f.name));
    setDraft({
      ...draft,
      itemSheet: index,
      itemHeaderRow: s.headerRow,
      itemHeaders: s.headers,
      itemTargets: Object.fromEntries(
        s.suggested.map((m) => [m.column, m.field && tableFields.has(m.field) ? m.field : null]),
      ),
      itemRules: {},
    });
  };
  const reuse = async (from: string) => {
    const adapted = await reuseConfig(job.id, from).catch(report);
    if (!adapted) return;
    setDraft(applyConfig(draft, adapted.config, job));
    if (adapted.missing.length)
      message.warning(t('imports.reuseMissing', { columns: adapted.missing.join(', ') }));
  };
  const dryRun = async () => {
    const config = configOf(draft, fields);
    try {
      const check = await checkConfig(job.id, config);
      setWarning(check.unmappedRequired);
      setJob(await startDryRun(job.id, config));
    } catch (error) {
      report(error);
    }
  };
  const commit = async () => {
    try {
      setJob(await startCommit(job.id, threshold === null ? undefined : threshold / 100));
    } catch (error) {
      report(error);
    }
  };
  const undo = async (keepChanged = false) => {
    try {
      setJob(await startUndo(job.id, keepChanged));
    } catch (error) {
      if (isApiProblem(error) && error.status === 409 && Array.isArray(error.document.changed)) {
        const changed = error.document.changed as { recordId: string }[];
        modal.confirm({
          title: t('imports.changedTitle', { count: Number(error.document.changedCount ?? changed.length) }),
          content: (
            <Typography.Paragraph>
              {t('imports.changedBody')}{' '}
              {changed.slice(0, 20).map((c) => (
                <Tag key={c.recordId}>{c.recordId}</Tag>
              ))}
            </Typography.Paragraph>
          ),
          okText: t('imports.undoKeepChanged'),
          onOk: () => undo(true),
        });
      } else report(error);
    }
  };
  const confirmUndo = () =>
    modal.confirm({
      title: t('imports.undoConfirm'),
      content: t('imports.undoBody', { count: (job.summary?.inserted ?? 0) + (job.summary?.updated ?? 0) }),
      onOk: () => undo(false),
    });

  const step = ['committed', 'undone', 'committing', 'undoing'].includes(job.state) ? 2 : job.summary ? 1 : 0;
  const errorRate = job.summary?.errorRate ?? 0;
  const limit = threshold ?? (job.config?.errorThreshold ?? 0.02) * 100;
  const isOverThreshold = errorRate * 100 > limit;

  return (
    <div data-testid="import-job-page">
      <PageHeader
        title={
          <Space wrap>
            <Link to="/admin/imports">{t('imports.title')}</Link>/<span>{job.fileName}</span>
            <StateTag state={job.state} />
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('imports.intoForm', { form: job.formTitle ?? job.formId })}
      </Typography.Paragraph>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('imports.stepMap') },
          { title: t('imports.stepDryRun') },
          { title: t('imports.stepCommit') },
        ]}
      />
      {job.error && <Alert type="error" showIcon message={job.error} style={{ marginBottom: 12 }} />}
      <JobProgress job={job} />

      <Card title={t('imports.mapping')} size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 160 }}
            value={draft.sheet}
            disabled={!canEdit}
            onChange={(v) => changeSheet(v)}
            options={job.source.sheets.map((s) => ({ value: s.index, label: s.name }))}
            aria-label={t('imports.sheet')}
          />
          <Space>
            {t('imports.headerRow')}
            <InputNumber
              min={1}
              max={sheet?.sample.at(-1)?.row ?? 1000}
              value={draft.headerRow}
              disabled={!canEdit}
              onChange={(v) => v && changeSheet(draft.sheet, v)}
            />
          </Space>
          {previous.length > 0 && (
            <Select
              style={{ minWidth: 240 }}
              placeholder={t('imports.reuse')}
              disabled={!canEdit}
              onChange={reuse}
              options={previous.map((p) => ({
                value: p.id,
                label: `${p.fileName} · ${p.createdAt.slice(0, 10)}`,
              }))}
            />
          )}
        </Flex>
        <MappingTable
          sheet={sheet}
          headerRow={draft.headerRow}
          headers={draft.headers}
          suggested={draft.suggested}
          fields={fields.filter((f) => draft.lineMode === 'repeated' || f.table === null)}
          targets={draft.targets}
          rules={draft.rules}
          onTarget={(c, f) => patch({ targets: { ...draft.targets, [c]: f } })}
          onRules={(c, r) => patch({ rules: { ...draft.rules, [c]: r } })}
        />
        {draft.lineMode === 'sheet' && itemSheet && (
          <div style={{ marginTop: 16 }}>
            <Typography.Title level={5}>
              {t('imports.itemMapping', { sheet: itemSheet.name })}
            </Typography.Title>
            <MappingTable
              testId="item-mapping-table"
              sheet={itemSheet}
              headerRow={draft.itemHeaderRow}
              headers={draft.itemHeaders}
              suggested={[]}
              fields={fields.filter((f) => f.table !== null)}
              targets={draft.itemTargets}
              rules={draft.itemRules}
              onTarget={(c, f) => patch({ itemTargets: { ...draft.itemTargets, [c]: f } })}
              onRules={(c, r) => patch({ itemRules: { ...draft.itemRules, [c]: r } })}
            />
          </div>
        )}
      </Card>
      <Card title={t('imports.options')} size="small" style={{ marginBottom: 16 }}>
        <OptionsPanel
          draft={draft}
          fields={fields}
          sheets={job.source.sheets}
          onChange={patch}
          onItemSheet={changeItemSheet}
        />
      </Card>
      {warning.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('imports.unmappedRequired', { fields: warning.join(', ') })}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type={job.summary ? 'default' : 'primary'}
          onClick={dryRun}
          disabled={!canEdit || isRunning}
          data-testid="dry-run"
        >
          {t('imports.dryRun')}
        </Button>
        {job.summary && ['validated', 'failed'].includes(job.state) && (
          <>
            <Space>
              {t('imports.threshold')}
              <InputNumber
                min={0}
                max={100}
                step={0.5}
                value={limit}
                onChange={(v) => setThreshold(v)}
                addonAfter="%"
              />
            </Space>
            <Button type="primary" onClick={commit} disabled={isOverThreshold} data-testid="commit">
              {t('imports.commit', { count: job.summary.inserts + job.summary.updates })}
            </Button>
          </>
        )}
        {job.state === 'committed' && (
          <Button danger onClick={confirmUndo} data-testid="undo">
            {t('imports.undo')}
          </Button>
        )}
      </Space>
      {isOverThreshold && job.summary && ['validated', 'failed'].includes(job.state) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('imports.overThreshold', { rate: Math.round(errorRate * 10000) / 100, limit })}
        />
      )}
      {job.state === 'committed' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('imports.committed', {
            inserted: job.summary?.inserted ?? 0,
            updated: job.summary?.updated ?? 0,
          })}
        />
      )}
      {job.state === 'undone' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('imports.undone', {
            removed: job.summary?.removed ?? 0,
            restored: job.summary?.restored ?? 0,
            kept: job.summary?.kept?.length ?? 0,
          })}
        />
      )}
      {job.summary && job.state !== 'validating' && <ResultsPanel job={job} />}
    </div>
  );
}
