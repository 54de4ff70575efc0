import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent, Json } from '../../api/types.ts';

/** true when the event carries a before or after snapshot worth expanding */
export const hasSnapshot = (summary: AuditEvent['summary']): boolean =>
  (summary?.before ?? null) !== null || (summary?.after ?? null) !== null;

/** The before/after snapshots of an audit event, side by side (stacked on a phone). */
export function AuditSummary({ summary }: { summary: AuditEvent['summary'] }) {
  const { t } = useTranslation();
  if (!summary) return null;
  const sides = [
    { key: 'before', label: t('audit.before'), value: summary.before },
    { key: 'after', label: t('audit.after'), value: summary.after },
  ].filter((side) => side.value !== undefined && side.value !== null);
  return (
    <Row gutter={[16, 8]}>
      {sides.map((side) => (
        <Col key={side.key} xs={24} md={sides.length > 1 ? 12 : 24}>
          <Typography.Text type="secondary">{side.label}</Typography.Text>
          <Snapshot value={side.value} />
        </Col>
      ))}
    </Row>
  );
}

function Snapshot({ value }: { value: Json | undefined }) {
  return (
    <pre
      style={{
        margin: '4px 0 0',
        padding: 8,
        background: 'rgba(0,0,0,0.03)',
        borderRadius: 6,
        fontSize: 12,
        maxHeight: 320,
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {value === undefined ? '—' : JSON.stringify(value, null, 2)}
    </pre>
  );
}
