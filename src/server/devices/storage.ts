// The device's report of its own storage: the browser alone knows whether it may empty the
// site's IndexedDB under pressure (navigator.storage.persisted()), so each authenticated request
// may carry it in a header and the server keeps the last value said. A header rather than a
// call of its own: it costs nothing, and it is current as soon as the tablet next syncs.
export const STORAGE_HEADER = 'X-Tremplin-Storage';

export const STORAGE_KINDS = ['persisted', 'best-effort'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** The header's value when it is one the server knows; anything else is ignored, never an error. */
export function storageKindOf(header: string | undefined): StorageKind | undefined {
  const v = header?.trim().toLowerCase();
  return (STORAGE_KINDS as readonly string[]).includes(v ?? '') ? (v as StorageKind) : undefined;
}
