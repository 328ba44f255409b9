// Saved claims that follow the reader between devices: the public surface for the
// background script. See docs/sync-format.md for the format and the rules.

export {
  SavedClaimsSync,
  SavedClaimsInputError,
  type FlushReport,
  type FlushScheduler,
  type ImportResult,
  type SaveClaimInput,
  type SavedClaimsEvent,
  type SavedClaimsListener,
  type SavedClaimsSyncOptions,
  type SavedClaimView,
  type SyncLogEntry,
} from './engine';
export type { SavedClaim, ClaimTombstone, ClaimVersion, StanceSnapshot, ShortenedField } from './format';
export { claimIdFor, SYNC_FORMAT_VERSION } from './format';
export type { Hlc } from './clock';
export { CHROME_SYNC_LIMITS, DEFAULT_SYNC_POLICY, type SyncLimits, type SyncPolicy } from './limits';
export type { LocalClaimRecord, LocalMeta, LocalSnapshot, LocalStore } from './local-store';
export type { SyncState, SyncStatus } from './status';
export { classifySyncError, type StorageChange, type StorageChanges, type SyncArea } from './sync-area';
