import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Logo() {
  const { t } = useTranslation();
  return (
    <Link to="/apps" style={{ display: 'inline-flex', alignItems: 'center', gap: 8, color: 'inherit' }}>
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#1677ff" />
        <path d="M10 8h13v3.5h-9v3.5h8v3.5h-8V24h-4z" fill="#fff" />
      </svg>
      <span style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.name')}</span>
    </Link>
  );
}
