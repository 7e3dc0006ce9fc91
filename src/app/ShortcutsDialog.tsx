import { useUiStore } from '../store/uiStore.ts';
import { Modal } from './Modal.tsx';
import './shortcutsDialog.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';
const ALT = isMac ? '⌥' : 'Alt';

interface Shortcut {
  keys: string[];
  action: string;
}

const GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Page',
    shortcuts: [
      { keys: [MOD, 'S'], action: 'Save the page' },
      { keys: ['?'], action: 'Show this list (when not typing in the page)' },
      { keys: ['Esc'], action: 'Close a dialog or menu' },
    ],
  },
  {
    title: 'Text',
    shortcuts: [
      { keys: [MOD, 'B'], action: 'Bold' },
      { keys: [MOD, 'I'], action: 'Italic' },
      { keys: [MOD, 'U'], action: 'Underline' },
      { keys: [MOD, 'Shift', 'S'], action: 'Strikethrough' },
      { keys: [MOD, 'E'], action: 'Code' },
      { keys: [MOD, 'Shift', 'H'], action: 'Highlight' },
      { keys: [MOD, '.'], action: 'Superscript' },
      { keys: [MOD, ','], action: 'Subscript' },
      { keys: [MOD, 'K'], action: 'Add or edit a link' },
      { keys: ['Shift', 'Enter'], action: 'Line break within a paragraph' },
    ],
  },
  {
    title: 'Blocks',
    shortcuts: [
      { keys: ['/'], action: 'Insert a block (type to search)' },
      { keys: [MOD, ALT, '0'], action: 'Normal text' },
      { keys: [MOD, ALT, '1'], action: 'Page title (H1); 2–6 for Heading 2–6' },
      { keys: [MOD, 'Shift', '8'], action: 'Bulleted list' },
      { keys: [MOD, 'Shift', '7'], action: 'Numbered list' },
      { keys: [MOD, 'Shift', 'B'], action: 'Quote' },
      { keys: ['Tab'], action: 'Indent a list item (Shift+Tab to outdent)' },
      { keys: [ALT, '↑'], action: 'Move the block up' },
      { keys: [ALT, '↓'], action: 'Move the block down' },
    ],
  },
  {
    title: 'History',
    shortcuts: [
      { keys: [MOD, 'Z'], action: 'Undo' },
      { keys: [MOD, 'Shift', 'Z'], action: 'Redo' },
    ],
  },
];

/** The keyboard shortcuts of the editor, opened with "?" or from the top bar. */
export default function ShortcutsDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  return (
    <Modal title="Keyboard shortcuts" onClose={closeDialog} className="shortcuts-dialog">
      {/* The list scrolls on a small screen: focusable, so the keyboard can scroll it too. */}
      <div className="shortcuts" tabIndex={0} role="group" aria-label="Shortcuts">
        {GROUPS.map((group) => (
          <section key={group.title} className="shortcuts__group" aria-labelledby={`shortcuts-${group.title}`}>
            <h3 id={`shortcuts-${group.title}`} className="shortcuts__title">
              {group.title}
            </h3>
            <dl className="shortcuts__list">
              {group.shortcuts.map((s) => (
                <div key={s.action} className="shortcuts__row">
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={i}>
                        {i > 0 && <span aria-hidden="true"> + </span>}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="modal__actions">
        <button type="button" className="button button--primary" autoFocus onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
