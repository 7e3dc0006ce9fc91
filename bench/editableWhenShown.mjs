/**
 * Runs in the page before any of its scripts (Playwright's `addInitScript`): sets `window.__bench.ready`
 * to the time of the first frame painted with the editing surface editable and showing the page's last
 * block (`lastText`). Used by `npm run bench` and `scripts/compareOpenings.mjs`.
 */
export function editableWhenShown({ lastText }) {
  window.__bench ??= { ready: null, keys: [], error: null };
  const bench = window.__bench;
  const check = () => {
    const pm = document.querySelector('.ProseMirror[contenteditable="true"]');
    if (pm) {
      let child = pm.lastElementChild;
      for (let i = 0; child && i < 5; i++, child = child.previousElementSibling) {
        if ((child.textContent ?? '').replace(/\s+/g, '').includes(lastText.replace(/\s+/g, ''))) {
          // A task queued from the frame's callback runs after that frame's layout and paint.
          setTimeout(() => (bench.ready = performance.now()), 0);
          return;
        }
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
