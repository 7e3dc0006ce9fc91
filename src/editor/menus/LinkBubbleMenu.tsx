import type { Editor } from '@tiptap/core';
import { BubbleMenu } from '@tiptap/react/menus';
import { useId, useState } from 'react';
import { linkAddressProblem } from '../../app/LinkDialog.tsx';
import { useWorkspaceStore } from '../../store/workspaceStore.ts';
import { focusedIn } from './menuFocus.ts';
import { useEditorValue } from '../useEditorValue.ts';

const isExternal = (url: string) => /^https?:\/\//i.test(url.trim());

/** Edit, open or remove the link at the cursor. */
export function LinkBubbleMenu({ editor }: { editor: Editor }) {
  const link = useEditorValue(
    editor,
    (e) => {
      if (!e.isActive('link')) return null;
      const attrs = e.getAttributes('link') as { href?: string; target?: string | null };
      return { href: attrs.href ?? '', newTab: attrs.target === '_blank' };
    },
    (a, b) => a?.href === b?.href && a?.newTab === b?.newTab,
  );
  const [editing, setEditing] = useState(false);

  return (
    <BubbleMenu
      editor={editor}
      pluginKey="linkBubbleMenu"
      className="bubble-menu"
      role="group"
      aria-label="Link"
      shouldShow={(props) => focusedIn(props) && props.editor.isActive('link')}
      options={{ placement: 'bottom-start', onHide: () => setEditing(false) }}
    >
      {link &&
        (editing ? (
          <LinkForm key={link.href} editor={editor} href={link.href} newTab={link.newTab} onDone={() => setEditing(false)} />
        ) : (
          <div className="bubble-menu__row">
            <a className="bubble-menu__url" href={link.href} target="_blank" rel="noopener noreferrer" title="Open the link in a new tab">
              {link.href || '(no address)'}
            </a>
            <button type="button" className="button button--small" onClick={() => setEditing(true)}>
              Edit link
            </button>
            <button type="button" className="button button--small button--danger" onClick={() => editor.chain().focus().extendMarkRange('link').unsetLink().run()}>
              Remove link
            </button>
          </div>
        ))}
    </BubbleMenu>
  );
}

function LinkForm({ editor, href, newTab: initialNewTab, onDone }: { editor: Editor; href: string; newTab: boolean; onDone: () => void }) {
  const [url, setUrl] = useState(href);
  const [newTab, setNewTab] = useState(initialNewTab);
  const [touched, setTouched] = useState(false);
  const pages = useWorkspaceStore((s) => s.pages);
  const id = useId();
  const problem = linkAddressProblem(url);
  const withPermalink = pages.filter((p) => p.permalink).sort((a, b) => a.title.localeCompare(b.title));

  const apply = () => {
    setTouched(true);
    if (problem) return;
    const value = url.trim();
    editor
      .chain()
      .focus()
      .extendMarkRange('link')
      .setLink({ href: value, target: newTab ? '_blank' : null, rel: newTab || isExternal(value) ? 'noopener noreferrer nofollow' : null })
      .run();
    onDone();
  };

  return (
    <form
      className="bubble-menu__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
          editor.commands.focus();
        }
      }}
    >
      <label htmlFor={`${id}-url`} className="bubble-menu__label">
        Link address
      </label>
      <input
        id={`${id}-url`}
        className="field__input"
        type="text"
        inputMode="url"
        autoFocus
        value={url}
        aria-invalid={touched && problem !== null}
        aria-describedby={touched && problem ? `${id}-error` : undefined}
        onChange={(event) => setUrl(event.target.value)}
        onBlur={() => setTouched(true)}
      />
      {withPermalink.length > 0 && (
        <>
          <label htmlFor={`${id}-page`} className="bubble-menu__label">
            Or pick a page of this site
          </label>
          <select
            id={`${id}-page`}
            className="field__input"
            value={withPermalink.some((p) => p.permalink === url.trim()) ? url.trim() : ''}
            onChange={(event) => {
              if (event.target.value) {
                setUrl(event.target.value);
                setNewTab(false);
              }
            }}
          >
            <option value="">Choose a page…</option>
            {withPermalink.map((p) => (
              <option key={p.path} value={p.permalink!}>
                {p.title} ({p.permalink})
              </option>
            ))}
          </select>
        </>
      )}
      {touched && problem && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {problem}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={newTab} onChange={(event) => setNewTab(event.target.checked)} /> Open in a new tab
      </label>
      <div className="bubble-menu__row">
        <button type="submit" className="button button--small button--primary">
          Apply
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            onDone();
            editor.commands.focus();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
