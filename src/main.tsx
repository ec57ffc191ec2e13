// First: the page's Content-Security-Policy, should its bootstrap script not have written it.
import './app/policyFallback';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadChoroplethMap } from './map/LazyChoroplethMap';
import { startI18n } from './i18n/i18n';
import './app/app.css';

// The texts are bundled: the language is known before the first render.
startI18n();
const root = document.getElementById('root');
if (!root) throw new Error('invalid page: no #root element');
// MapLibre is not in the entry chunk: its download starts now and runs while the demo data loads.
// A failure shows where the map renders, through React.lazy.
loadChoroplethMap().catch(() => undefined);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
