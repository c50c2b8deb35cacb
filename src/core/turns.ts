/**
 * @module core/turns
 * Work on one key (an upload, a repository's lifecycle run, a push) taking turns: each call runs after every
 * earlier one on the same key has settled, whether it succeeded or failed; calls on other keys do
 * not wait.
 */
export class Turns {
  private readonly last = new Map<string, Promise<unknown>>();

  /** Runs `fn` once every earlier call on `key` has settled; answers what `fn` answers. */
  take<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.last.get(key) ?? Promise.resolve();
    const run = before.then(fn);
    const settled = run.catch(() => undefined);
    this.last.set(key, settled);
    void settled.then(() => {
      if (this.last.get(key) === settled) this.last.delete(key);
    });
    return run;
  }

  /** Whether a call on `key` is running or waiting. */
  busy(key: string): boolean {
    return this.last.has(key);
  }
}
