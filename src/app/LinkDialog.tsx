import { useState } from 'react';
import { isSafeUrl } from '../core/safeUrl.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { Modal } from './Modal.tsx';

/** Why an address cannot be a link, or null when it can. */
export function linkAddressProblem(url: string): string | null {
  const value = url.trim();
  if (value === '') return 'Enter the address the link goes to.';
  if (!isSafeUrl(value)) {
    return 'This kind of address is not allowed. Use a web address (https://…), an email (mailto:…), a phone number (tel:…) or a page of this site (/about-us/).';
  }
  if (/^www\./i.test(value)) return 'Start web addresses with https://, for example https://www.example.org.';
  return null;
}

const isExternal = (url: string) => /^https?:\/\//i.test(url.trim());

export default function LinkDialog() {
  const editor = useEditorStore((s) => s.editor);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const existing = editor?.getAttributes('link') as { href?: string; target?: string | null } | undefined;
  const [url, setUrl] = useState(existing?.href ?? '');
  const [newTab, setNewTab] = useState(existing?.href ? existing.target === '_blank' : false);
  const [touched, setTouched] = useState(false);
  const [failed, setFailed] = useState(false);
  const problem = linkAddressProblem(url) ?? (failed ? 'The link could not be added here. Select some words of the text first, then try again.' : null);
  const hasLink = Boolean(existing?.href);

  if (!editor) return null;

  const apply = () => {
    setTouched(true);
    if (problem) return;
    const href = url.trim();
    const attrs = { href, target: newTab ? '_blank' : null, rel: newTab || isExternal(href) ? 'noopener noreferrer nofollow' : null };
    const chain = editor.chain().focus();
    const done =
      editor.state.selection.empty && !editor.isActive('link')
        ? chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs }] }).run()
        : chain.extendMarkRange('link').setLink(attrs).run();
    if (!done) {
      setFailed(true);
      return;
    }
    closeDialog();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    closeDialog();
  };

  return (
    <Modal title={hasLink ? 'Edit link' : 'Add a link'} onClose={closeDialog}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <div className="field">
          <label htmlFor="link-url" className="field__label">
            Link address
          </label>
          <p id="link-url-help" className="field__help">
            A web address (https://…), an email (mailto:…) or a page of this site, such as /about-us/.
          </p>
          <input
            id="link-url"
            className="field__input"
            type="text"
            inputMode="url"
            autoFocus
            value={url}
            aria-invalid={touched && problem !== null}
            aria-describedby={`link-url-help${touched && problem ? ' link-url-error' : ''}`}
            onChange={(event) => {
              setUrl(event.target.value);
              setFailed(false);
            }}
            onBlur={() => setTouched(true)}
          />
          {touched && problem && (
            <p id="link-url-error" className="field__error" role="alert">
              {problem}
            </p>
          )}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={newTab} onChange={(event) => setNewTab(event.target.checked)} /> Open in a new tab
        </label>
        <div className="modal__actions">
          {hasLink && (
            <button type="button" className="button button--danger" onClick={remove}>
              Remove link
            </button>
          )}
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            {hasLink ? 'Update link' : 'Add link'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
