import type { ReactNode } from 'react';

interface ToolbarButtonProps {
  label: string;
  children: ReactNode;
  onClick: () => void;
  /** For toggles: whether the format is on at the cursor. */
  pressed?: boolean;
  disabled?: boolean;
  shortcut?: string;
}

export function ToolbarButton({ label, children, onClick, pressed, disabled, shortcut }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.replace('Ctrl', 'Control')}
      disabled={disabled}
      // Keep the editor's selection: the button acts on it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
