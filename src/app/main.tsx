import '@fontsource/lato/400.css';
import '@fontsource/lato/400-italic.css';
import '@fontsource/lato/700.css';
import '@fontsource/lato/700-italic.css';
import '../editor/canvas.css';
import './app.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { isTeamMode, TeamGate } from './account/TeamGate.tsx';
import { pageInAddress } from './pageAddress.ts';
import { loadPageCore, openPageEditorModule } from '../store/pageCoreLoader.ts';
import { fetchLinkedPage } from '../store/workspaceStore.ts';

// The block gallery, for building blocks by eye: its own chunk, loaded only at /blocks.
const BlockGallery = lazy(() => import('./gallery/BlockGallery.tsx'));

// A page named in the address (a reload, a shared link) is asked for with its code before the app first
// renders, rather than once it has. (In team mode only once signed in: see usePageAddress.)
const linked = window.location.pathname === '/blocks' || isTeamMode() ? null : pageInAddress();
if (linked !== null) {
  fetchLinkedPage(linked);
  void loadPageCore();
  void openPageEditorModule.load();
}

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
