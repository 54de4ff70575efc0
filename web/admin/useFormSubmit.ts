import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.ts';
import { applyProblemToForm } from '../lib/problems.ts';

/**
 * `onFinish` for a modal form: saves, puts server validation errors on the
 * form's fields (others go to a message) and, when `onConflict` is given,
 * hands a version conflict to it instead.
 */
export function useFormSubmit<Values, Saved>(options: {
  form: FormInstance<Values>;
  /** names of the form's fields; server errors on other paths go to a message */
  fieldNames: readonly string[];
  save: (values: Values) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  onConflict?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      options.onSaved(await options.save(values));
    } catch (error) {
      if (options.onConflict && isApiProblem(error) && error.isVersionConflict) {
        options.onConflict();
        return;
      }
      const text = applyProblemToForm({ t, form: options.form, error, fieldNames: options.fieldNames });
      if (text) message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return { isSaving, submit };
}
