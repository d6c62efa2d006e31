// What one instance remembers to avoid repeating work (text read from a PDF, say), held on the app
// context rather than in module variables, so two apps in one process (tests, a CLI beside a server)
// never see each other's entries. Only a cache: every entry can be computed again from the database.

/** A bounded map per area, evicting the least recently used entry. */
export class Memo {
  private readonly areas = new Map<string, Map<string, unknown>>();

  constructor(private readonly entriesPerArea = 256) {}

  get<T>(area: string, key: string): T | undefined {
    const entries = this.areas.get(area);
    if (!entries?.has(key)) return undefined;
    const value = entries.get(key) as T;
    // Touch: move to the newest end, so eviction drops what was used longest ago.
    entries.delete(key);
    entries.set(key, value);
    return value;
  }

  set(area: string, key: string, value: unknown): void {
    let entries = this.areas.get(area);
    if (!entries) this.areas.set(area, (entries = new Map()));
    entries.delete(key);
    entries.set(key, value);
    if (entries.size > this.entriesPerArea) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
  }
}
