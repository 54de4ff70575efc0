import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApiClient } from './api/client.ts';
import { App } from './App.tsx';
import { currentLanguage } from './i18n/index.ts';

configureApiClient({ getLanguage: currentLanguage });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
