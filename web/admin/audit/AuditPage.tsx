import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAudit } from '../../api/audit.ts';
import type { AuditEvent } from '../../api/types.ts';
import { useReportError } from '../../lib/useReportError.ts';
import { AdminPage, ToolbarSearch } from '../AdminPage.tsx';
import { CursorTable } from '../AdminTable.tsx';
import { useDirectory } from '../Directory.tsx';
import { useCursorList } from '../useCursorList.ts';
import { UserPicker } from '../UserPicker.tsx';
import { AuditSummary, hasSnapshot } from './AuditSummary.tsx';

const PAGE_SIZE = 50;

/** Read-only audit trail, newest first, with "load more". */
export function AuditPage() {
  const { t } = useTranslation();
  const report = useReportError();
  const { userLabel } = useDirectory();
  const [actorId, setActorId] = useState<string | null>(null);
  const [action, setAction] = useState('');
  const list = useCursorList<AuditEvent>({
    queryKey: JSON.stringify([actorId, action]),
    fetchPage: (cursor) =>
      listAudit({ actorId: actorId ?? undefined, action: action || undefined, limit: PAGE_SIZE, cursor }),
    onError: report,
  });

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.time'),
      dataIndex: 'createdAt',
      key: 'time',
      render: (iso: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dayjs(iso).format('YYYY-MM-DD HH:mm:ss')}</span>
      ),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorId',
      key: 'actor',
      render: (id: string | null) =>
        id ? userLabel(id) : <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (a: string) => <Tag>{a}</Tag> },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, event) => (
        <span>
          {event.targetType} <Typography.Text code>{event.targetId}</Typography.Text>
        </span>
      ),
    },
  ];

  return (
    <AdminPage
      testId="audit-page"
      title={t('admin.audit')}
      toolbar={
        <>
          <UserPicker
            value={actorId}
            onChange={setActorId}
            placeholder={t('audit.filterActor')}
            style={{ flex: '1 1 160px', maxWidth: 240 }}
          />
          <ToolbarSearch placeholder={t('audit.filterAction')} onSearch={setAction} maxWidth={240} />
        </>
      }
    >
      <CursorTable<AuditEvent>
        list={list}
        columns={columns}
        expandable={{
          rowExpandable: (event) => hasSnapshot(event.summary),
          expandedRowRender: (event) => <AuditSummary summary={event.summary} />,
        }}
        data-testid="audit-table"
        loadMoreTestId="audit-load-more"
      />
    </AdminPage>
  );
}
