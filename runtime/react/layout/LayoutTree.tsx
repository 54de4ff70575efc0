import { Card, Col, Collapse, Row, Typography } from 'antd';
import type { LayoutNode } from '../../core/index.ts';
import { useFieldState } from '../hooks.ts';
import { useRenderer } from '../widgets/types.ts';
import { SessionField } from './SessionField.tsx';

/** The form's visual tree from `uiSchema['ui:options'].layout`; every text here renders as text. */
export function LayoutTree({ nodes }: { nodes: readonly LayoutNode[] }) {
  return (
    <>
      {nodes.map((node) => (
        <LayoutNodeView key={node.key} node={node} />
      ))}
    </>
  );
}

function LayoutNodeView({ node }: { node: LayoutNode }) {
  switch (node.type) {
    case 'field':
      return <SessionField name={node.key} />;
    case 'description':
      return <Description node={node} />;
    case 'section':
      return <Section node={node} />;
    case 'columns':
      return <Columns node={node} />;
  }
}

function Description({ node }: { node: Extract<LayoutNode, { type: 'description' }> }) {
  const state = useFieldState(node.key);
  if (!state.isVisible) return null;
  return (
    <Typography.Paragraph data-path={node.key} style={{ whiteSpace: 'pre-wrap' }} type="secondary">
      {node.content}
    </Typography.Paragraph>
  );
}

function Section({ node }: { node: Extract<LayoutNode, { type: 'section' }> }) {
  const state = useFieldState(node.key);
  const { isNarrow } = useRenderer();
  if (!state.isVisible) return null;
  if (node.isCollapsible) {
    return (
      <Collapse
        style={{ marginBottom: 16 }}
        defaultActiveKey={node.isCollapsed ? [] : [node.key]}
        items={[
          {
            key: node.key,
            label: node.title,
            children: <LayoutTree nodes={node.children} />,
            forceRender: true,
          },
        ]}
      />
    );
  }
  return (
    <Card
      title={node.title}
      size="small"
      data-section={node.key}
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: isNarrow ? 12 : 16, paddingBottom: 0 } }}
    >
      <LayoutTree nodes={node.children} />
    </Card>
  );
}

function Columns({ node }: { node: Extract<LayoutNode, { type: 'columns' }> }) {
  const state = useFieldState(node.key);
  if (!state.isVisible) return null;
  const even = Math.floor(24 / Math.max(node.columns.length, 1));
  return (
    <Row gutter={16}>
      {node.columns.map((column, index) => (
        <Col key={index} xs={24} md={column.width ?? even}>
          <LayoutTree nodes={column.children} />
        </Col>
      ))}
    </Row>
  );
}
