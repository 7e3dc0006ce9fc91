/**
 * Serialises async operations per key (e.g. per real file path): an operation for a key starts only
 * after every earlier operation for the same key has settled. Different keys run concurrently.
 */
export class PathQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(fn, fn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Number of keys with pending work (for tests). */
  get size(): number {
    return this.#tails.size;
  }
}
