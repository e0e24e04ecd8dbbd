import '@mantine/core/styles.css';
import { ChisoProvider } from '@chiso/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { App } from './app.js';
import { urqlClient } from './urql-client.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <ChisoProvider>
      <UrqlProvider value={urqlClient}>
        {/* Vite's base is /admin/; the router drops the trailing slash. */}
        <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
          <App />
        </BrowserRouter>
      </UrqlProvider>
    </ChisoProvider>
  </StrictMode>,
);
