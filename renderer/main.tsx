import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { testHooksEnabled } from './bridge/backend';
import { exposeTestApi } from './app-events/app-events';
import './styles/app.css';

if (testHooksEnabled) exposeTestApi();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
