import { createContext, useContext, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { frontMatterData } from '../../core/pageFile.ts';
import { useOpenPageStore } from '../../store/openPageStore.ts';
import { setIn, type FieldIssue, type YamlPath } from '../../site/homepage.ts';
import { layoutIssues, type SiteLayout } from '../../site/layoutIssues.ts';
import { HistoryButtons, useEditHistory } from './useEditHistory.tsx';

/** The open page's front matter for a layout screen: its data, its issues, and text edits of it. */
export interface SiteFrontMatter {
  text: string;
  data: Record<string, unknown>;
  issues: Map<string, FieldIssue[]>;
  /** Applies a text edit; when it cannot be made in place, says so instead of rewriting more. */
  edit: (change: (text: string) => string | null) => void;
  problem: string | null;
}

const SiteFrontMatterContext = createContext<SiteFrontMatter | null>(null);

export function pathKey(path: YamlPath): string {
  return path.join('.');
}

/** Reads the open page's front matter and provides it (with its issues) to the fields below. */
export function SiteFrontMatterProvider({ layout, children }: { layout: SiteLayout; children: ReactNode }) {
  const file = useOpenPageStore((s) => s.file);
  const path = useOpenPageStore((s) => s.path);
  const loadCount = useOpenPageStore((s) => s.loadCount);
  const setFrontMatterText = useOpenPageStore((s) => s.setFrontMatterText);
  const [problem, setProblem] = useState<string | null>(null);
  const history = useEditHistory(file?.frontMatterText ?? '', setFrontMatterText, file ? `${path}:${loadCount}` : null);
  const value = useMemo<SiteFrontMatter | null>(() => {
    if (!file || file.frontMatterError) return null;
    const data = frontMatterData(file);
    const issues = new Map<string, FieldIssue[]>();
    for (const issue of layoutIssues(layout, data)) {
      const key = pathKey(issue.path);
      issues.set(key, [...(issues.get(key) ?? []), issue]);
    }
    const text = file.frontMatterText;
    return {
      text,
      data,
      issues,
      problem,
      edit: (change) => {
        const next = change(text);
        if (next === null) {
          setProblem('This part of the page is written in a way that cannot be changed here without rewriting more of it. Use "Advanced: YAML" in Page settings.');
          return;
        }
        setProblem(null);
        if (next !== text) setFrontMatterText(next);
      },
    };
  }, [file, layout, problem, setFrontMatterText]);
  if (!file) return null;
  if (!value) {
    return (
      <p className="notice notice--error" role="alert">
        The page settings do not parse, so this page cannot be shown here. Fix them in Page settings.
      </p>
    );
  }
  return (
    <SiteFrontMatterContext.Provider value={value}>
      <div className="site-history-scope" onKeyDown={history.onKeyDown}>
        <div className="site-toolbar">
          <HistoryButtons history={history} />
        </div>
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        {children}
      </div>
    </SiteFrontMatterContext.Provider>
  );
}

export function useSiteFrontMatter(): SiteFrontMatter {
  const value = useContext(SiteFrontMatterContext);
  if (!value) throw new Error('useSiteFrontMatter is used outside SiteFrontMatterProvider.');
  return value;
}

/** The value at `path` in the data. */
export function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const step of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
  return value;
}

/**
 * One printed text of the page, edited where it shows: an input styled like the site's text, its
 * limit counted as it is typed, and its problems under it. Emptying an optional field removes its key
 * (the theme prints an empty string as an empty element).
 */
export function TextField({
  path,
  label,
  max,
  multiline,
  className,
  required,
  placeholder,
}: {
  path: YamlPath;
  label: string;
  max?: number;
  multiline?: boolean;
  className?: string;
  required?: boolean;
  placeholder?: string;
}) {
  const { data, issues, edit } = useSiteFrontMatter();
  const raw = valueAt(data, path);
  const value = raw === null || raw === undefined ? '' : String(raw);
  const found = issues.get(pathKey(path)) ?? [];
  const id = `site-field-${pathKey(path).replace(/[^\w-]/g, '-')}`;
  const length = [...value].length;
  const change = (next: string) =>
    edit((text) => {
      if (next === '' && typeof path[path.length - 1] === 'string' && !required) return setIn(text, path, undefined) ?? setIn(text, path, '');
      return setIn(text, path, next);
    });
  const common = {
    id,
    className: `site-field__input ${className ?? ''}`,
    value,
    placeholder: placeholder ?? label,
    'aria-invalid': found.some((i) => i.severity === 'error') || undefined,
    'aria-describedby': found.length > 0 ? `${id}-issues` : undefined,
    onChange: (e: { target: { value: string } }) => change(e.target.value),
  };
  return (
    <span className={`site-field ${found.some((i) => i.severity === 'error') ? 'site-field--error' : ''}`}>
      <label className="site-field__label" htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
        {max !== undefined && (
          <span className={`site-field__count ${length > max ? 'site-field__count--over' : ''}`}>
            {' '}
            {length}/{max}
          </span>
        )}
      </label>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
      {found.length > 0 && (
        <span id={`${id}-issues`} className="site-field__issues" role={found.some((i) => i.severity === 'error') ? 'alert' : undefined}>
          {found.map((i) => i.message).join(' ')}
        </span>
      )}
    </span>
  );
}

/** Move up, move down and remove buttons for one item of a list (the keyboard's way to reorder). */
export function ItemButtons({
  index,
  count,
  label,
  first = 0,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  label: string;
  /** The first place an item may move to (the hero stays on top). */
  first?: number;
  onMove: (to: number) => void;
  onRemove?: () => void;
}) {
  return (
    <span className="site-item-buttons">
      <button type="button" disabled={index <= first} onClick={() => onMove(index - 1)} aria-label={`Move ${label} up`}>
        ↑
      </button>
      <button type="button" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move ${label} down`}>
        ↓
      </button>
      {onRemove && (
        <button type="button" onClick={onRemove} aria-label={`Remove ${label}`}>
          ✕
        </button>
      )}
    </span>
  );
}

/** A choice among the values the theme knows; an absent key shows the theme's default. */
export function SelectField({ path, label, options, fallback }: { path: YamlPath; label: string; options: readonly string[]; fallback: string }) {
  const { data, edit } = useSiteFrontMatter();
  const raw = valueAt(data, path);
  const value = typeof raw === 'string' ? raw : fallback;
  const id = `site-select-${pathKey(path).replace(/[^\w-]/g, '-')}`;
  const choices = options.includes(value) ? options : [...options, value];
  return (
    <span className="site-field site-field--select">
      <label className="site-field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => edit((text) => setIn(text, path, e.target.value))}>
        {choices.map((option) => (
          <option key={option} value={option}>
            {option === fallback ? `${option} (default)` : option}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * Reordering the items of one or more lists by drag and by keyboard: an item is dragged by its bar
 * and dropped on another item of the same list, or its handle is focused and moved with the up and
 * down arrow keys (focus follows it). Each move is announced for screen readers (render
 * `announcement` in a status region). `list` names a list, so one hook serves a list and its sub-lists.
 */
export function useDragReorder(onMove: (list: string, from: number, to: number) => void) {
  const [dragging, setDragging] = useState<{ list: string; index: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfterMove.current === null) return;
    document.getElementById(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  });
  const handleId = (list: string, index: number) => `reorder-${list.replace(/[^\w-]/g, '-')}-${index}`;
  const move = (list: string, from: number, to: number, count: number, label: string) => {
    onMove(list, from, to);
    setAnnouncement(`${label} moved to position ${to + 1} of ${count}.`);
  };
  return {
    announcement,
    isDragged: (list: string, index: number) => dragging?.list === list && dragging.index === index,
    /** For the part an item is dragged by. */
    dragProps: (list: string, index: number, label: string) => ({
      draggable: true,
      onDragStart: (e: DragEvent) => {
        e.stopPropagation();
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', label);
        setDragging({ list, index });
      },
      onDragEnd: () => setDragging(null),
    }),
    /** For an item another one may be dropped on; `first` is the first place an item may go. */
    dropProps: (list: string, index: number, count: number, first = 0) => ({
      onDragOver: (e: DragEvent) => {
        if (dragging?.list === list && index >= first) e.preventDefault();
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        e.stopPropagation();
        if (dragging?.list === list && dragging.index !== index && index >= first) move(list, dragging.index, index, count, e.dataTransfer.getData('text/plain') || 'The item');
        setDragging(null);
      },
    }),
    /** For the handle: focusable, moved with the arrow keys. */
    handleProps: (list: string, index: number, count: number, label: string, first = 0) => ({
      id: handleId(list, index),
      tabIndex: 0,
      role: 'button',
      'aria-label': `Reorder ${label} (up and down arrow keys)`,
      'aria-keyshortcuts': 'ArrowUp ArrowDown',
      title: 'Drag, or press the up and down arrow keys, to move',
      onKeyDown: (e: KeyboardEvent) => {
        const to = e.key === 'ArrowUp' ? index - 1 : e.key === 'ArrowDown' ? index + 1 : null;
        if (to === null) return;
        e.preventDefault();
        if (to < first || to >= count) return;
        focusAfterMove.current = handleId(list, to);
        move(list, index, to, count, label);
      },
    }),
  };
}

/** The live region that says where an item moved. */
export function ReorderStatus({ text }: { text: string }) {
  return (
    <p className="visually-hidden" role="status">
      {text}
    </p>
  );
}
