import { saveOpenPage } from '../store/savePageAction.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function SaveButton() {
  const ready = useOpenPageStore((s) => s.status === 'ready');
  const saving = useOpenPageStore((s) => s.saveState === 'saving');
  return (
    <button
      type="button"
      className="button button--primary"
      disabled={!ready || saving}
      aria-keyshortcuts={isMac ? 'Meta+S' : 'Control+S'}
      title={isMac ? 'Save (⌘S)' : 'Save (Ctrl+S)'}
      onClick={() => void saveOpenPage()}
    >
      Save
    </button>
  );
}
