import '@fontsource/lato/400.css';
import '@fontsource/lato/400-italic.css';
import '@fontsource/lato/700.css';
import '@fontsource/lato/700-italic.css';
import '../editor/canvas.css';
import './app.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { TeamGate } from './account/TeamGate.tsx';

// The block gallery, for building blocks by eye: its own chunk, loaded only at /blocks.
const BlockGallery = lazy(() => import('./gallery/BlockGallery.tsx'));

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    {window.location.pathname === '/blocks' ? (
      <Suspense fallback={null}>
        <BlockGallery />
      </Suspense>
    ) : (
      <TeamGate>
        <App />
      </TeamGate>
    )}
  </StrictMode>,
);
