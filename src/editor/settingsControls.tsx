import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection, type Transaction } from '@tiptap/pm/state';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useUiStore, type PickedMedia } from '../store/uiStore.ts';
import { afterPointerRelease } from './pointerRelease.ts';
import './blockSettings.css';

/**
 * Applies one change from a settings panel as ONE undoable step: the change gets a history event of
 * its own, never merged with typing or with the panel's previous change.
 */
export function applyChange(editor: Editor, change: (tr: Transaction) => boolean | void): boolean {
  const tr = editor.state.tr;
  if (change(tr) === false || !tr.docChanged) return false;
  closeHistory(tr);
  editor.view.dispatch(tr);
  // The next transaction (typing, say) starts a new step too.
  editor.view.dispatch(closeHistory(editor.state.tr));
  return true;
}

/** The node at `pos` in the editor's current document, when it still is of the expected type. */
export function nodeAt(editor: Editor, pos: number, typeName: string): PMNode | null {
  const node = editor.state.doc.nodeAt(pos);
  return node && node.type.name === typeName ? node : null;
}

/** Sets attributes of the node at `pos` as one undoable step. */
export function setAttrs(editor: Editor, pos: number, typeName: string, patch: Record<string, unknown>): boolean {
  const node = nodeAt(editor, pos, typeName);
  if (!node) return false;
  const changed = Object.entries(patch).some(([key, value]) => JSON.stringify(node.attrs[key] ?? null) !== JSON.stringify(value ?? null));
  if (!changed) return false;
  const selected = editor.state.selection instanceof NodeSelection && editor.state.selection.from === pos;
  return applyChange(editor, (tr) => {
    tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...patch });
    // A leaf node (an image) is replaced whole, which drops a selection of it: keep it selected, so its panel stays.
    if (selected) tr.setSelection(NodeSelection.create(tr.doc, pos));
  });
}

/** Runs TipTap commands (table commands, say) as one undoable step. */
export function runAsOneStep(editor: Editor, run: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>): boolean {
  const done = run(
    editor.chain().command(({ tr }) => {
      closeHistory(tr);
      return true;
    }),
  ).run();
  if (done) editor.view.dispatch(closeHistory(editor.state.tr));
  return done;
}

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y inside a settings panel undo and redo the page's changes, except in a
 * field that holds text not applied yet (there the field's own undo applies).
 */
export function onPanelKeyDown(editor: Editor) {
  return (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey) return;
    const key = event.key.toLowerCase();
    const undo = key === 'z' && !event.shiftKey;
    const redo = (key === 'z' && event.shiftKey) || key === 'y';
    if (!undo && !redo) return;
    const target = event.target as HTMLElement;
    if (target.dataset['pending'] === 'true') return;
    event.preventDefault();
    if (undo) editor.commands.undo();
    else editor.commands.redo();
  };
}

interface Issue {
  level: 'warning' | 'error';
  message: string;
}

/** A block's problems, in plain words. */
export function IssueList({ issues, label = 'Problems with this block' }: { issues: readonly Issue[]; label?: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="block-issues" aria-label={label}>
      {issues.map((issue, i) => (
        <li key={i} className={issue.level === 'error' ? 'block-issues__error' : 'block-issues__warning'}>
          <span className="block-issues__level">{issue.level === 'error' ? 'Error: ' : 'Warning: '}</span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

interface TextSettingProps {
  label: string;
  value: string;
  /** Applies the new value; return an error message to refuse it. */
  onCommit: (value: string) => string | null | void;
  help?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  placeholder?: string;
  type?: 'text' | 'url';
  listId?: string;
  /** An error to show beside the field (from the block's own checks). */
  error?: string | null;
}

/**
 * A text setting. It is applied when the field is left or Enter is pressed, so that a word typed is
 * one undo step, not one per letter. Escape puts back the applied value.
 */
export function TextSetting({ label, value, onCommit, help, disabled, required, placeholder, type = 'text', listId, error }: TextSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setRefusal(null);
  }, [value]);

  const commit = () => {
    if (draft === value) {
      setRefusal(null);
      return;
    }
    const result = onCommit(draft);
    setRefusal(typeof result === 'string' ? result : null);
  };
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  const shown = refusal ?? error ?? null;
  const describedBy = [help ? `${id}-help` : '', shown ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field${shown ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && <span className="block-settings__required"> (required)</span>}
      </label>
      {help && (
        <p id={`${id}-help`} className="field__help">
          {help}
        </p>
      )}
      <input
        id={id}
        className="field__input"
        type="text"
        inputMode={type === 'url' ? 'url' : undefined}
        value={draft}
        disabled={disabled}
        placeholder={placeholder}
        list={listId}
        aria-required={required || undefined}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy}
        data-pending={draft !== value ? 'true' : 'false'}
        onChange={(event) => setDraft(event.target.value)}
        // Left for a button: applied when the button is let go, so the click lands (see pointerRelease.ts).
        onBlur={() => afterPointerRelease(() => latestCommit.current())}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape' && draft !== value) {
            event.preventDefault();
            event.stopPropagation();
            setDraft(value);
            setRefusal(null);
          }
        }}
      />
      {shown && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {shown}
        </p>
      )}
    </div>
  );
}

interface NumberSettingProps {
  label: string;
  value: number | null;
  min: number;
  max: number;
  unit?: string;
  onCommit: (value: number) => void;
  help?: ReactNode;
  /** Adds a slider beside the number. */
  slider?: boolean;
}

/** A number between `min` and `max`, typed or set with a slider; applied when left, on Enter, or when the slider is let go. */
export function NumberSetting({ label, value, min, max, unit, onCommit, help, slider }: NumberSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value === null ? '' : String(value));
    setError(null);
  }, [value]);

  const commit = (text = draft) => {
    if (text.trim() === '' || Number(text) === value) {
      setError(null);
      if (text.trim() === '') setDraft(value === null ? '' : String(value));
      return;
    }
    const number = Number(text);
    if (!Number.isFinite(number) || number < min || number > max || !Number.isInteger(number)) {
      setError(`Enter a whole number from ${min} to ${max}.`);
      return;
    }
    setError(null);
    onCommit(number);
  };
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {unit ? ` (${unit})` : ''}
      </label>
      {help && (
        <p id={`${id}-help`} className="field__help">
          {help}
        </p>
      )}
      <div className="block-settings__number">
        <input
          id={id}
          className="field__input block-settings__number-input"
          type="number"
          min={min}
          max={max}
          step={1}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-pending={draft !== (value === null ? '' : String(value)) ? 'true' : 'false'}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => afterPointerRelease(() => latestCommit.current())}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
        />
        {slider && (
          <input
            className="block-settings__slider"
            type="range"
            min={min}
            max={max}
            step={1}
            value={Number(draft) || value || min}
            aria-label={`${label} slider`}
            onChange={(event) => setDraft(event.target.value)}
            onPointerUp={(event) => commit(event.currentTarget.value)}
            onKeyUp={(event) => commit(event.currentTarget.value)}
            onBlur={(event) => commit(event.currentTarget.value)}
          />
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label, applied at once. */
export function CheckSetting({ label, checked, onChange, help }: { label: string; checked: boolean; onChange: (checked: boolean) => void; help?: ReactNode }) {
  const id = useId();
  return (
    <div className="field block-settings__check">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={help ? `${id}-help` : undefined} />
      <label htmlFor={id}>{label}</label>
      {help && (
        <p id={`${id}-help`} className="field__help">
          {help}
        </p>
      )}
    </div>
  );
}

/** The media library of the workspace (`openMediaPicker` of the ui store): resolves with the chosen image, or null. */
export function useMediaPicker(): (() => Promise<PickedMedia | null>) | null {
  const picker = useUiStore((s) => s.openMediaPicker);
  return typeof picker === 'function' ? picker : null;
}

let siteImages: Promise<string[]> | null = null;

/** The site's images (their URLs), loaded once, to suggest in image address fields. */
export function useSiteImages(): string[] {
  const [images, setImages] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    // Whichever storage is open (the server or a site folder); a single page file has no media.
    siteImages ??= import('../storage/siteStorage.ts')
      .then(({ siteStorage }) => siteStorage().fetchMedia?.('images') ?? [])
      // As Isomer pages write them: the site path, spaces and all.
      .then((files) => files.map((f) => `/${f.path}`))
      .catch(() => {
        siteImages = null;
        return [];
      });
    void siteImages.then((urls) => {
      if (live) setImages(urls);
    });
    return () => {
      live = false;
    };
  }, []);
  return images;
}

/** A datalist of the site's images, for the `list` of an address field. */
export function SiteImageList({ id }: { id: string }) {
  const images = useSiteImages();
  return (
    <datalist id={id}>
      {images.map((url) => (
        <option key={url} value={url} />
      ))}
    </datalist>
  );
}
