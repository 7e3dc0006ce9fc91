import { useEffect } from 'react';
import { hasUnsavedChanges } from '../store/openPageStore.ts';
import { unsavedSiteFiles } from '../store/siteFileEditsStore.ts';

/** Asks the browser to confirm leaving while the page, or a site file's screen, has unsaved changes. */
export function useUnsavedChangesGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges() && unsavedSiteFiles().length === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
