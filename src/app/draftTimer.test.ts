// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_DELAY_MS, DRAFT_MAX_WAIT_MS, draftTimer } from './draftTimer.ts';

describe('draftTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a draft a moment after the last change', () => {
    const keep = vi.fn();
    const timer = draftTimer(keep, () => Date.now());
    timer.changed();
    vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    timer.changed();
    vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    expect(keep).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(keep).toHaveBeenCalledTimes(1);
    // Not in a hurry: the draft may be written out between keystrokes.
    expect(keep).toHaveBeenCalledWith(false);
  });

  it('keeps one within 2 s of the first change while typing never pauses', () => {
    const keep = vi.fn();
    const timer = draftTimer(keep, () => Date.now());
    // A keystroke every 100 ms for 5 s.
    for (let t = 0; t < 5000; t += 100) {
      timer.changed();
      vi.advanceTimersByTime(100);
      if (t + 100 === DRAFT_MAX_WAIT_MS) expect(keep).toHaveBeenCalledTimes(1);
    }
    expect(keep).toHaveBeenCalledTimes(2);
  });

  it('keeps at once on flush, and nothing once cancelled', () => {
    const keep = vi.fn();
    const timer = draftTimer(keep, () => Date.now());
    timer.flush();
    expect(keep).not.toHaveBeenCalled();
    timer.changed();
    timer.flush();
    expect(keep).toHaveBeenCalledTimes(1);
    // The tab is going away: the draft is written at once.
    expect(keep).toHaveBeenCalledWith(true);
    timer.changed();
    timer.cancel();
    vi.advanceTimersByTime(DRAFT_MAX_WAIT_MS * 2);
    expect(keep).toHaveBeenCalledTimes(1);
  });
});
