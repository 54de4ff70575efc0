import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Layout, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiProblem } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { safeNextPath } from '../auth/safeNext.ts';
import { FullPageSpin } from '../layout/FullPageSpin.tsx';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import { Logo } from '../layout/Logo.tsx';
import { problemText } from '../lib/problems.ts';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const next = safeNextPath(params.get('next'));

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'authenticated' && !isSubmitting) return <Navigate to={next} replace />;

  const handleFinish = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(isApiProblem(e) && e.status === 401 ? t('login.invalid') : problemText(t, e));
      setSubmitting(false);
    }
  };

  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #f0f5ff 0%, #f5f5f5 60%)' }}>
      <Flex justify="flex-end" style={{ padding: '12px 16px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" align="flex-start" style={{ flex: 1, padding: '6vh 16px 16px' }}>
        <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <Logo />
            <Typography.Title level={4} style={{ margin: '12px 0 0' }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </Flex>
          {error && (
            <Alert
              type="error"
              title={error}
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<Credentials>
            layout="vertical"
            requiredMark={false}
            onFinish={handleFinish}
            data-testid="login-form"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={isSubmitting}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Layout>
  );
}
