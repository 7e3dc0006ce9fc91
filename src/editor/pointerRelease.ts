/**
 * Runs work once no pointer button is held down in the page. A settings field is applied when it
 * loses focus, and a press on a button takes that focus: applying at once can move the panel (an error
 * line goes, a card's title changes) before the button is let go, and the browser then drops the click
 * because it ended on something else. Applied when the press ends, the change comes before the click,
 * and the button stays where it was pressed.
 */
let pressed = false;
const waiting = new Set<() => void>();

function release(): void {
  pressed = false;
  const due = [...waiting];
  waiting.clear();
  for (const run of due) run();
}

if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pressed = true), true);
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
  // A press let go outside the window may never report its end.
  window.addEventListener('blur', release);
}

/** Runs `work` now, or when the pointer button held down is let go. */
export function afterPointerRelease(work: () => void): void {
  if (pressed) waiting.add(work);
  else work();
}
