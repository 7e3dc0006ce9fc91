import { describe, expect, it } from 'vitest';
import { ClientRateLimit } from './clientRateLimit.ts';

describe('ClientRateLimit', () => {
  it('allows max attempts per client in a window, then refuses until the window ends', () => {
    let now = 0;
    const limit = new ClientRateLimit(3, 1000, () => now);
    expect([limit.hit('a'), limit.hit('a'), limit.hit('a'), limit.hit('a')]).toEqual([true, true, true, false]);
    expect(limit.hit('b')).toBe(true);
    now = 999;
    expect(limit.hit('a')).toBe(false);
    now = 1000;
    expect(limit.hit('a')).toBe(true);
  });
});
