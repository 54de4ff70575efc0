import { Alert, App, Button, Form, Modal } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from './useFormSubmit.ts';

/** What a page hands to its create/edit dialog. */
export interface EntityFormCallbacks<Saved> {
  onSaved: (saved: Saved) => void;
  onClose: () => void;
  /** after a version conflict: fetch the latest state (the modal closes) */
  onReload: () => void;
}

export interface EntityFormModalProps<Values, Saved> extends EntityFormCallbacks<Saved> {
  title: ReactNode;
  form: FormInstance<Values>;
  initialValues: Partial<Values>;
  /** the modal's form gets this `data-testid` (e.g. `user-form`) */
  testId: string;
  /** names of the form's fields; server errors on other paths go to a message */
  fieldNames: readonly string[];
  save: (values: Values) => Promise<Saved>;
  children: ReactNode;
}

/**
 * Create/edit dialog shared by the admin pages: validates, saves, puts server
 * validation errors on the right fields and turns a 409 into a "reload" hint.
 */
export function EntityFormModal<Values, Saved>(props: EntityFormModalProps<Values, Saved>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [hasConflict, setConflict] = useState(false);
  const { isSaving, submit } = useFormSubmit({
    form: props.form,
    fieldNames: props.fieldNames,
    save: props.save,
    onSaved: (saved: Saved) => {
      message.success(t('common.saved'));
      props.onSaved(saved);
    },
    onConflict: () => setConflict(true),
  });

  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      onOk={() => props.form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      okButtonProps={{ disabled: hasConflict, 'data-testid': `${props.testId}-submit` } as ButtonProps}
      mask={{ closable: false }}
    >
      {hasConflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('errors.versionConflict')}
          data-testid="version-conflict"
          action={
            <Button size="small" onClick={props.onReload}>
              {t('common.reload')}
            </Button>
          }
        />
      )}
      <Form<Values>
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={submit}
        data-testid={props.testId}
        disabled={hasConflict}
      >
        {props.children}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
