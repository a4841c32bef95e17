// Persistent storage and space used on this device. Browsers may evict a site's IndexedDB under
// storage pressure unless it is "persisted"; a coordinator must see which tablets are at risk.

export interface StorageReport {
  /** undefined when the browser cannot tell. */
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

type StorageLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function storageManager(): StorageLike | undefined {
  return typeof navigator !== 'undefined' && navigator.storage !== undefined ? navigator.storage : undefined;
}

/** Ask once signed in: the data is now worth keeping. Never throws. */
export async function requestPersistentStorage(storage: StorageLike | undefined = storageManager()): Promise<boolean | undefined> {
  if (storage === undefined || typeof storage.persist !== 'function') return undefined;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return undefined;
  }
}

export async function storageReport(storage: StorageLike | undefined = storageManager()): Promise<StorageReport> {
  if (storage === undefined) return { persisted: undefined, usage: undefined, quota: undefined };
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => undefined),
    storage.estimate().catch(() => undefined),
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

const UNITS = ['octets', 'Ko', 'Mo', 'Go', 'To'] as const;

/** Bytes in French units: « 850 octets », « 12,3 Mo », « 1,2 Go ». */
export function frenchBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}
