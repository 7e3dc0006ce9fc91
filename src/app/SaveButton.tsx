import { saveOpenPageOnDemand } from '../store/saveOnDemand.ts';
import { useOpenPageStore } from '../store/openPageStore.ts';
import { useSiteScreenStore } from '../store/siteScreenStore.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function SaveButton() {
  const ready = useOpenPageStore((s) => s.status === 'ready');
  const saving = useOpenPageStore((s) => s.saveState === 'saving');
  // A site screen (navigation, footer, settings) has its own Save button.
  const siteScreen = useSiteScreenStore((s) => s.screen !== null);
  if (siteScreen) return null;
  return (
    <button
      type="button"
      className="button button--primary"
      disabled={!ready || saving}
      aria-keyshortcuts={isMac ? 'Meta+S' : 'Control+S'}
      title={isMac ? 'Save (⌘S)' : 'Save (Ctrl+S)'}
      onClick={() => void saveOpenPageOnDemand()}
    >
      Save
    </button>
  );
}
