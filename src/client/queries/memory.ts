// The last answers of a few reads, kept in memory by key (least recently used dropped first), so
// that reopening a screen paints at once from the last read while its live read refreshes it.
// Keys must name everything an answer depends on, the user included (a tablet changes hands).

export interface QueryMemory<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** The answer an earlier run of the app saved for `key`, if any (persistedMemory.ts only). */
  load?(key: string): Promise<T | undefined>;
}

/** The last `max` answers, the least recently used dropped first (a few weeks, not the year). */
export function queryMemory<T>(max = 6): QueryMemory<T> {
  const answers = new Map<string, T>();
  return {
    get(key) {
      const v = answers.get(key);
      if (v !== undefined) { answers.delete(key); answers.set(key, v); }
      return v;
    },
    set(key, value) {
      answers.delete(key);
      answers.set(key, value);
      while (answers.size > max) answers.delete(answers.keys().next().value as string);
    },
  };
}
