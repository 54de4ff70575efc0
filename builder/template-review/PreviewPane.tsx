import { Alert, Flex, Typography } from 'antd';
import { Component, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormSession } from '../../runtime/core/index.ts';
import type { CompiledForm, FormDefinition, JsonValue } from '../../runtime/core/index.ts';
import { FormRenderer, SessionStore } from '../../runtime/react/index.ts';
import type { RendererLocale, RendererServices } from '../../runtime/react/index.ts';
import { rowAtPath } from './field-tree.ts';
import type { FieldRow } from './field-tree.ts';
import { compilePreview } from './preview.ts';
import type { PreviewProblem } from './preview.ts';

/** Edits reach the preview after typing pauses this long. */
const PREVIEW_DELAY_MS = 250;

/**
 * The reviewed definition rendered as the end user will see it. Values typed into the preview
 * survive edits where the new form can take them. An invalid definition shows its problems
 * instead, never an exception.
 */
export function PreviewPane(props: {
  definition: FormDefinition;
  rows: readonly FieldRow[];
  locale: RendererLocale;
  services?: RendererServices;
  isNarrow: boolean;
}) {
  const { t } = useTranslation();
  const definition = useDebounced(props.definition, PREVIEW_DELAY_MS);
  const result = useMemo(() => compilePreview(definition), [definition]);
  const describe = (problem: PreviewProblem) => {
    const row = problem.path.includes('/') ? rowAtPath(props.rows, problem.path) : undefined;
    return row ? `${row.label.trim() || row.name}: ${problem.message}` : problem.message;
  };

  if (!result.isValid) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('templateImport.previewInvalid')}
        description={<ProblemList items={result.problems.map(describe)} />}
        data-testid="review-preview-problems"
      />
    );
  }
  return (
    <Flex vertical gap={12} data-testid="review-preview">
      {result.formulaProblems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('templateImport.formulaProblems')}
          description={<ProblemList items={result.formulaProblems.map((p) => `${p.path}: ${p.message}`)} />}
          data-testid="review-formula-problems"
        />
      )}
      <PreviewBoundary resetKey={result.compiled} fallback={t('templateImport.previewFailed')}>
        <PreviewForm
          compiled={result.compiled}
          locale={props.locale}
          services={props.services}
          isNarrow={props.isNarrow}
        />
      </PreviewBoundary>
    </Flex>
  );
}

function PreviewForm(props: {
  compiled: CompiledForm;
  locale: RendererLocale;
  services?: RendererServices;
  isNarrow: boolean;
}) {
  const { compiled, locale } = props;
  const previous = useRef<SessionStore | null>(null);
  const store = useMemo(() => {
    const values = previous.current?.session.toSubmission();
    const session = createSession(compiled, locale, values);
    for (const field of Object.values(compiled.fields)) {
      if (field.type === 'table' && session.rowCount(field.key) === 0) session.insertRow(field.key);
    }
    return new SessionStore(session, compiled);
  }, [compiled, locale]);
  useEffect(() => {
    previous.current = store;
  }, [store]);
  return <FormRenderer store={store} locale={locale} services={props.services} isNarrow={props.isNarrow} />;
}

/** A session with the values carried over from the previous preview, or empty when they do not fit. */
function createSession(compiled: CompiledForm, locale: RendererLocale, values?: Record<string, JsonValue>) {
  if (values) {
    try {
      return createFormSession(compiled, { locale, values });
    } catch {
      // a type change made an old value unreadable: start empty
    }
  }
  return createFormSession(compiled, { locale });
}

function ProblemList({ items }: { items: string[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {items.slice(0, 20).map((item, i) => (
        <li key={i}>
          <Typography.Text>{item}</Typography.Text>
        </li>
      ))}
      {items.length > 20 && <li>…</li>}
    </ul>
  );
}

interface BoundaryProps {
  /** a new value clears a caught error (the next edit gets a fresh try) */
  resetKey: unknown;
  fallback: string;
  children: ReactNode;
}

/** Shows a renderer exception in place of the preview instead of unmounting the page. */
class PreviewBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: BoundaryProps): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <Alert type="error" showIcon title={this.props.fallback} description={this.state.error.message} />;
  }
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
