import { Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.ts';
import { problemText } from '../lib/problems.ts';
import { useCompiledForm } from './useCompiledForm.ts';
import type { CompiledFormState } from './useCompiledForm.ts';

type Ready = Extract<CompiledFormState, { status: 'ready' }>;

/** Loads and compiles a form version; a skeleton meanwhile, a 404 or error page when that fails. */
export function WithCompiledForm(props: {
  formId: string;
  versionNumber?: number;
  children: (ready: Ready) => ReactNode;
}) {
  const { t } = useTranslation();
  const state = useCompiledForm(props.formId, props.versionNumber);
  if (state.status === 'loading') return <Skeleton active />;
  if (state.status === 'error') {
    return (
      <Result
        status={isApiProblem(state.error) && state.error.status === 404 ? '404' : 'error'}
        subTitle={problemText(t, state.error)}
      />
    );
  }
  return props.children(state);
}
