import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('invalid page: no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
