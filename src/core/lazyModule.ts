/** A module loaded on demand: once, again after a failed load, and readable synchronously once loaded. */
export interface LazyModule<T> {
  load(): Promise<T>;
  /** The module if it has loaded, else undefined. */
  loaded(): T | undefined;
}

/** Wraps a dynamic `import()` so it runs once and its result can be read without waiting afterwards. */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      loading ??= importer().then(
        (module) => (value = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => value,
  };
}
