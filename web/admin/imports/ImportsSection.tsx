import { Route, Routes } from 'react-router';
import NotFoundPage from '../../pages/NotFoundPage.tsx';
import { ImportJobPage } from './ImportJobPage.tsx';
import { ImportListPage } from './ImportListPage.tsx';

/** /admin/imports: data import (数据导入) into a form — list and upload, then one page per import. */
export function ImportsSection() {
  return (
    <Routes>
      <Route index element={<ImportListPage />} />
      <Route path=":id" element={<ImportJobPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
