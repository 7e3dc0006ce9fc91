import { lazy, Suspense, type KeyboardEvent } from 'react';
import { usePaintedAfter } from '../editor/usePaintedAfter.ts';
import { useEditorStore } from '../store/editorStore.ts';
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
  // The block panel loads once the opened page has painted: neither the list nor the page waits for its code.
  const editor = useEditorStore((s) => s.editor);
  const painted = usePaintedAfter(editor);
  const blockPanel = !editor ? <p className="side-panel__note">Open a page to see the settings of its blocks.</p> : painted ? <BlockPanel /> : null;

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
        <Suspense fallback={<p className="side-panel__note">Loading…</p>}>{tab === 'settings' ? <PageSettingsPanel /> : blockPanel}</Suspense>
      </div>
    </aside>
  );
}
