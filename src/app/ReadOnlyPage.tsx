import { useOpenPageStore } from '../store/openPageStore.ts';

/** A page that cannot be edited yet (markdown), shown as its text with the reason. */
export function ReadOnlyPage() {
  const message = useOpenPageStore((s) => s.message);
  const body = useOpenPageStore((s) => s.file?.body ?? s.readOnlyText ?? '');
  return (
    <div className="read-only">
      <div className="notice notice--info" role="status">
        <p>{message}</p>
      </div>
      <h2 className="read-only__title">Page text (read-only)</h2>
      <pre className="read-only__text" tabIndex={0} aria-label="Page text, read-only">
        {body}
      </pre>
    </div>
  );
}
