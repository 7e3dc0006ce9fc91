import { lazy, Suspense, type KeyboardEvent } from 'react';
import { useUiStore, type PanelTab } from '../store/uiStore.ts';
const PageSettingsPanel = lazy(() => import('./PageSettingsPanel.tsx'));
const BlockPanel = lazy(() => import('./BlockPanel.tsx'));

const TABS: { id: PanelTab; label: string }[] = [
  { id: 'settings', label: 'Page settings' },
  { id: 'block', label: 'Block' },
];

/** The right-hand panel: the page's settings, or the selected block's. */
export function SidePanel() {
  const tab = useUiStore((s) => s.panelTab);
  const setTab = useUiStore((s) => s.setPanelTab);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`side-tab-${next.id}`)?.focus();
  };

  return (
    <aside className="side-panel" aria-label="Page and block settings">
      <div className="side-panel__tabs" role="tablist" aria-label="Settings" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`side-tab-${t.id}`}
            type="button"
            role="tab"
            className="side-panel__tab"
            aria-selected={tab === t.id}
            aria-controls={`side-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`side-panel-${tab}`} role="tabpanel" aria-labelledby={`side-tab-${tab}`} className="side-panel__body">
        <Suspense fallback={<p className="side-panel__note">Loading…</p>}>{tab === 'settings' ? <PageSettingsPanel /> : <BlockPanel />}</Suspense>
      </div>
    </aside>
  );
}
