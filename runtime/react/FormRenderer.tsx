/**
 * FormRenderer — decision (renderer issue, checkpoint 1):
 * react-jsonschema-form 6 (`@rjsf/antd` theme) is the shell: it takes the compiled jsonSchema /
 * uiSchema, provides the <form>, the theme registry and the root field dispatch. But rjsf
 * re-renders the whole tree from new `formData` on every change (≈5 s per keystroke at 500 rows,
 * see shared/notes/peers.md), so values never go through rjsf: it is given no formData and never
 * changes state. The root ObjectField is replaced by `LayoutObjectField`, which walks the layout
 * tree (`ui:options.layout`) and renders one `SessionField` per field; each field and table cell
 * reads the FormSession through `useSyncExternalStore` hooks (hooks.ts) and writes back with
 * `session.setValue`, so a keystroke re-renders only the cells whose value, rule state or errors
 * changed. Widgets are chosen by the uiSchema's `ui:widget` names (widgets/registry.ts).
 */
import type { FieldProps, RegistryFieldsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import Form from '@rjsf/antd';
import validator from '@rjsf/validator-ajv8';
import { Form as AntForm } from 'antd';
import { useMemo } from 'react';
import type { LayoutNode } from '../core/index.ts';
import { SessionStoreContext } from './hooks.ts';
import { LayoutTree } from './layout/LayoutTree.tsx';
import type { RendererLocale } from './messages.ts';
import type { SessionStore } from './store/session-store.ts';
import { TABLE_CSS } from './table/columns.ts';
import type { RendererServices, RendererSettings } from './widgets/types.ts';
import { RendererContext } from './widgets/types.ts';

export interface FormRendererProps {
  store: SessionStore;
  locale: RendererLocale;
  services?: RendererServices;
  /** phone layout (< 768 px): table rows become cards */
  isNarrow?: boolean;
  /** read-only render of a stored record */
  isViewOnly?: boolean;
}

const NO_SERVICES: RendererServices = {};

/** The root field rjsf renders: the layout tree, fields bound to the session. */
function LayoutObjectField({ uiSchema }: FieldProps) {
  const layout = ((uiSchema?.['ui:options'] as { layout?: LayoutNode[] } | undefined)?.layout ??
    []) as LayoutNode[];
  return <LayoutTree nodes={layout} />;
}

const FIELDS: RegistryFieldsType = { ObjectField: LayoutObjectField };
const EMPTY_DATA = {};

export function FormRenderer({
  store,
  locale,
  services = NO_SERVICES,
  isNarrow = false,
  isViewOnly = false,
}: FormRendererProps) {
  const settings = useMemo<RendererSettings>(
    () => ({ locale, services, isNarrow, isViewOnly }),
    [locale, services, isNarrow, isViewOnly],
  );
  const { jsonSchema, uiSchema } = store.compiled;
  // rjsf never validates (noValidate; the session owns values, formulas and validation) and
  // never sees data: formData stays one empty object, so rjsf's state never changes
  // (the form's title and description are the page's business, not rjsf's root field template)
  const shellSchema = useMemo(
    () => ({ ...jsonSchema, title: undefined, description: undefined }) as RJSFSchema,
    [jsonSchema],
  );
  const shellUi = useMemo(() => ({ ...uiSchema, 'ui:label': false }) as UiSchema, [uiSchema]);
  return (
    <SessionStoreContext.Provider value={store}>
      <RendererContext.Provider value={settings}>
        <style>{TABLE_CSS}</style>
        <div data-fw-form="" data-testid="fw-form">
          <AntForm layout="vertical" component={false} disabled={false}>
            <Form
              schema={shellSchema}
              uiSchema={shellUi}
              formData={EMPTY_DATA}
              validator={validator}
              fields={FIELDS}
              noValidate
              noHtml5Validate
              showErrorList={false}
              onSubmit={() => {}}
            >
              <></>
            </Form>
          </AntForm>
        </div>
      </RendererContext.Provider>
    </SessionStoreContext.Provider>
  );
}
