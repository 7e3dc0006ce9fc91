import { useEffect } from 'react';
import { hasUnsavedChanges } from '../store/openPageStore.ts';

/** Asks the browser to confirm leaving while the page has unsaved changes. */
export function useUnsavedChangesGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
