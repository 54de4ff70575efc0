import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from './api.ts';

export const RUNNING_STATES = new Set(['validating', 'committing', 'undoing']);

/** Progress bar with rows processed and the time left, while a phase runs. */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (!RUNNING_STATES.has(job.state)) return null;
  const { processed, total, fraction, etaSeconds } = job.progress;
  return (
    <Flex vertical gap={4} style={{ margin: '12px 0' }} data-testid="import-progress">
      <Progress percent={Math.floor(fraction * 100)} status="active" />
      <Typography.Text type="secondary">
        {t(`imports.phase.${job.state}`)} ·{' '}
        {total ? t('imports.processedOf', { processed, total }) : t('imports.processed', { processed })}
        {etaSeconds !== null && etaSeconds > 0 ? ` · ${t('imports.eta', { seconds: etaSeconds })}` : ''}
      </Typography.Text>
    </Flex>
  );
}
