import { useOpenPageStore } from '../store/openPageStore.ts';

/** Why the last save failed or was refused, and what it removed from the page. */
export function SaveNotices() {
  const saveError = useOpenPageStore((s) => s.saveError);
  const removed = useOpenPageStore((s) => s.lastRemoved);
  const dismissRemoved = useOpenPageStore((s) => s.dismissRemoved);
  return (
    <>
      {saveError && (
        <div className="notice notice--error" role="alert">
          <p>{saveError}</p>
        </div>
      )}
      {removed.length > 0 && (
        <section className="notice notice--warning" aria-labelledby="removed-title">
          <div className="notice__header">
            <h2 id="removed-title" className="notice__title">
              The page was saved without these parts, because they are not allowed
            </h2>
            <button type="button" className="button button--small" onClick={dismissRemoved}>
              Dismiss
            </button>
          </div>
          <ul className="notice__list">
            {removed.map((r, i) => (
              <li key={i}>
                {r.what} <code className="notice__snippet">{r.snippet}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
