// The sync status store the UI reads (online, pending, last sync, errors, update required):
// it is the engine's own vanilla store, re-exported here so screens import stores from one place.
export { createSyncStatusStore, type SyncStatus, type SyncStatusStore, type SyncErrorCode } from '../status';
