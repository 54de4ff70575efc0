import { Route, Routes } from 'react-router';
import { AppsHome } from '../apps/AppsHome.tsx';
import { FormFillPage } from '../apps/FormFillPage.tsx';
import { RecordDetailPage } from '../apps/RecordDetailPage.tsx';
import { RecordsPage } from '../apps/RecordsPage.tsx';
import NotFoundPage from './NotFoundPage.tsx';

/** End-user workspace: forms I may fill, filling one, my / all records, one record. */
export default function AppsPage() {
  return (
    <Routes>
      <Route index element={<AppsHome />} />
      <Route path="forms/:formId/new" element={<FormFillPage />} />
      <Route path="forms/:formId/records" element={<RecordsPage />} />
      <Route path="records/:recordId" element={<RecordDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
