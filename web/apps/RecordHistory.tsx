import { Card, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompiledForm } from '../../runtime/core/index.ts';
import type { RecordHistoryEntry } from '../../schemas/record-history.ts';
import { LoadMore } from '../admin/LoadMore.tsx';
import { useCursorList } from '../admin/useCursorList.ts';
import { useReportError } from '../lib/useReportError.ts';
import { getRecordHistory } from './api.ts';
import { historyText } from './historyText.ts';

const COLORS: Partial<Record<string, string>> = {
  created: 'blue',
  submitted: 'blue',
  imported: 'blue',
  draftSaved: 'gray',
  updated: 'green',
};

/** A record's history as a timeline, oldest first; field keys read as the labels of the record's form version. */
export function RecordHistory({
  recordId,
  compiled,
  locale,
}: {
  recordId: string;
  compiled: CompiledForm;
  locale: string;
}) {
  const { t } = useTranslation();
  const report = useReportError();
  const fetchPage = useCallback((cursor: string | null) => getRecordHistory(recordId, cursor), [recordId]);
  const list = useCursorList<RecordHistoryEntry>({ queryKey: recordId, fetchPage, onError: report });
  const labelOf = (key: string) => compiled.fields[key]?.label ?? key;

  const items = list.items.map((entry) => {
    const { text, changes } = historyText(t, entry, labelOf);
    return {
      key: entry.id,
      color: COLORS[entry.type] ?? 'gray',
      content: (
        <div data-testid="history-entry" data-type={entry.type}>
          <Typography.Text>{text}</Typography.Text>
          {changes && (
            <div>
              <Typography.Text type="secondary">{changes}</Typography.Text>
            </div>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(locale)}</time>
            </Typography.Text>
          </div>
        </div>
      ),
    };
  });

  return (
    <Card
      size="small"
      title={t('record.history.title')}
      style={{ marginTop: 16 }}
      data-testid="record-history"
    >
      {list.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.history.empty')} />
      ) : (
        <Timeline items={items} />
      )}
      <LoadMore
        hasMore={list.hasMore}
        isLoading={list.isLoadingMore}
        onLoadMore={list.loadMore}
        testId="history-load-more"
      />
    </Card>
  );
}
