/**
 * Serialises async work per key inside one process. The Mongo adapter wraps its
 * conditional writes in it because FerretDB (the CI stand-in) checks the filter
 * and writes in separate steps (FerretDB issue #3040): without it, 20 racing
 * `{_id, version}` updates can all "win". Real MongoDB is atomic on its own, so
 * across processes correctness still comes from the conditional update itself.
 */
export function createKeyedLock() {
  const tails = new Map<string, Promise<unknown>>();
  return async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

export type KeyedLock = ReturnType<typeof createKeyedLock>;
