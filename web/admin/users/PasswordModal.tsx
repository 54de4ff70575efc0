import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { setUserPassword } from '../../api/org.ts';
import type { User } from '../../api/types.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

interface PasswordValues {
  password: string;
  confirm: string;
}

/** An administrator sets a new password for someone (`POST /org/users/:id/password`). */
export function PasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const { isSaving, submit } = useFormSubmit({
    form,
    fieldNames: ['password'],
    save: ({ password }: PasswordValues) => setUserPassword(user.id, password),
    onSaved: () => {
      message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    },
  });

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
    >
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} data-testid="password-form">
        <Form.Item name="password" label={t('users.newPassword')} rules={[{ required: true }, { min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
