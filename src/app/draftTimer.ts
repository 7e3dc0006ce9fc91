/** A draft is kept this long after the last change… */
export const DRAFT_DELAY_MS = 1000;
/** …and no later than this after the first change not yet kept, however long typing goes on. */
export const DRAFT_MAX_WAIT_MS = 2000;

export interface DraftTimer {
  /** A change: keep a draft after a pause, or when the oldest change not yet kept has waited long enough. */
  changed(): void;
  /** Keep the draft now if a change is waiting (the tab is being hidden or closed): `keep(true)`. */
  flush(): void;
  /** Forget the waiting change (saved, or another page opened). */
  cancel(): void;
}

/**
 * When to keep a draft. Off the keystroke path: a change only (re)sets a timer; `keep` serialises
 * the document later. Without the upper bound, a person typing without a pause would have no draft at all.
 */
export function draftTimer(keep: (urgent: boolean) => void, now: () => number = Date.now): DraftTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChangeAt: number | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    firstChangeAt = null;
  };
  const fire = (urgent = false) => {
    cancel();
    keep(urgent);
  };
  return {
    changed() {
      const at = now();
      firstChangeAt ??= at;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => fire(), Math.max(0, Math.min(DRAFT_DELAY_MS, firstChangeAt + DRAFT_MAX_WAIT_MS - at)));
    },
    flush() {
      if (timer !== null) fire(true);
    },
    cancel,
  };
}
