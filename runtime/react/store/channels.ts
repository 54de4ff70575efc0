type Listener = () => void;

/**
 * Named notification channels with a version each (`v:items/3/qty`, `t:items`, `e:customer`).
 * `batch` collects bumps and notifies every affected listener once at the end.
 */
export class Channels {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly versions = new Map<string, number>();
  private pending: Set<string> | null = null;

  version(channel: string): number {
    return this.versions.get(channel) ?? 0;
  }

  subscribe(channel: string, listener: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(channel);
    };
  }

  /** Subscribes one listener to several channels. */
  subscribeAll(channels: readonly string[], listener: Listener): () => void {
    const offs = channels.map((channel) => this.subscribe(channel, listener));
    return () => {
      for (const off of offs) off();
    };
  }

  bump(channel: string): void {
    this.versions.set(channel, (this.versions.get(channel) ?? 0) + 1);
    if (this.pending) this.pending.add(channel);
    else this.notify([channel]);
  }

  batch(fn: () => void): void {
    if (this.pending) {
      fn();
      return;
    }
    this.pending = new Set();
    try {
      fn();
    } finally {
      const channels = this.pending;
      this.pending = null;
      this.notify(channels);
    }
  }

  private notify(channels: Iterable<string>): void {
    const called = new Set<Listener>();
    for (const channel of channels) {
      const set = this.listeners.get(channel);
      if (!set) continue;
      for (const listener of [...set]) {
        if (called.has(listener)) continue;
        called.add(listener);
        listener();
      }
    }
  }
}
