import { Route, Routes } from 'react-router';
import { hasRole, useAuth } from '../auth/AuthContext.tsx';
import { DesignHome } from '../design/DesignHome.tsx';
import { TemplateImportPage } from '../design/TemplateImportPage.tsx';
import { ForbiddenPage } from './ForbiddenPage.tsx';
import NotFoundPage from './NotFoundPage.tsx';

/**
 * `/design/*`, for designers and admins: the forms I manage and the Excel template import.
 * The form designer itself comes in a later issue.
 */
export default function DesignPage() {
  const { state } = useAuth();
  if (!hasRole(state.user, 'designer') && !hasRole(state.user, 'admin')) return <ForbiddenPage />;
  return (
    <Routes>
      <Route index element={<DesignHome />} />
      <Route path="import" element={<TemplateImportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
