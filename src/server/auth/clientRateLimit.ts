/**
 * Sign-in attempts per client address, in memory: beside the per-email lockout, this slows one client
 * trying many emails (password spraying). Behind a reverse proxy every client has the proxy's address,
 * so the limit is generous.
 */
export const CLIENT_MAX_ATTEMPTS = 300;
export const CLIENT_WINDOW_MS = 15 * 60 * 1000;

export class ClientRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max = CLIENT_MAX_ATTEMPTS,
    private readonly windowMs = CLIENT_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt by `client`; false when it is over the limit for the current window. */
  hit(client: string): boolean {
    const now = this.now();
    const w = this.windows.get(client);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.forgetOld(now);
      this.windows.set(client, { start: now, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= this.max;
  }

  private forgetOld(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
