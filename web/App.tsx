import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { toUiLanguage } from './i18n/index.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { FullPageSpin } from './layout/FullPageSpin.tsx';

// one chunk per top-level route: /design and /admin never load for someone who only fills forms
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const AppsPage = lazy(() => import('./pages/AppsPage.tsx'));
const DesignPage = lazy(() => import('./pages/DesignPage.tsx'));
const AdminSection = lazy(() => import('./admin/AdminSection.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/apps" replace /> },
      { path: 'apps/*', element: <AppsPage /> },
      { path: 'design/*', element: <DesignPage /> },
      { path: 'admin/*', element: <AdminSection /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS };

export function App() {
  const { i18n } = useTranslation();
  const lang = toUiLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[lang]}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
