// Consultation mode: the ETI lends their tablet to one salarié, who then sees only their own
// space until the ETI types the PIN again. The state is the device's, not the account's: it
// lives in localStorage, read synchronously at start, so a reload (or a crash, or the salarié
// closing the tab) reopens straight into the salarié's space, never into the ETI's screens; and
// other tabs of the app follow it through the `storage` event. Failed PINs are counted in the
// same record, so a reload does not reset the delay that follows five failures.
import { hashPin, isValidPin, verifyPin, type StoredPin } from './consultationPin';

export interface Lending {
  /** The signed-in user who lent the tablet: the mode applies to their session only. */
  userId: string;
  salarieId: string;
  firstName: string;
  pin: StoredPin;
  failures: number;
  /** Epoch ms before which no PIN is checked (after too many failures); 0 when none. */
  lockedUntil: number;
}

export type ConsultationResult = { ok: true } | { ok: false; message: string };

/** What the store needs of localStorage (tests pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const CONSULTATION_KEY = 'tremplin-consultation';
/** Failures allowed before a delay. */
export const FREE_TRIES = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/** The delay after `failures` wrong PINs: none for the first five, then 30 s doubling, 15 min at most. */
export function delayAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_TRIES));
}

function parse(text: string | null): Lending | undefined {
  if (text === null) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return undefined;
    const l = v as Partial<Lending>;
    if (typeof l.userId !== 'string' || typeof l.salarieId !== 'string' || typeof l.pin?.hash !== 'string') return undefined;
    return { userId: l.userId, salarieId: l.salarieId, firstName: typeof l.firstName === 'string' ? l.firstName : '', pin: l.pin, failures: Number(l.failures) || 0, lockedUntil: Number(l.lockedUntil) || 0 };
  } catch {
    // A damaged record must not lock the ETI out of their own tablet forever; they sign in again.
    return undefined;
  }
}

function waitWords(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} secondes` : `${Math.ceil(s / 60)} minutes`;
}

export interface ConsultationStore {
  get(): Lending | undefined;
  subscribe(fn: () => void): () => void;
  /** The lending in force for this signed-in user, if any. */
  activeFor(userId: string | undefined): Lending | undefined;
  lend(input: { userId: string; salarieId: string; firstName: string; pin: string; pinAgain: string }): Promise<ConsultationResult>;
  giveBack(pin: string): Promise<ConsultationResult>;
  /** Re-read the storage (another tab changed it). */
  reload(): void;
}

export function createConsultationStore(deps: { storage: KeyValueStorage | undefined; now?: () => number }): ConsultationStore {
  const now = deps.now ?? Date.now;
  const listeners = new Set<() => void>();
  const read = () => {
    try {
      return parse(deps.storage?.getItem(CONSULTATION_KEY) ?? null);
    } catch {
      return undefined;
    }
  };
  let current = read();
  const set = (next: Lending | undefined) => {
    current = next;
    if (next === undefined) deps.storage?.removeItem(CONSULTATION_KEY);
    else deps.storage?.setItem(CONSULTATION_KEY, JSON.stringify(next));
    listeners.forEach((f) => f());
  };
  // One check at a time: two quick taps must not both count (or both pass) on the same record.
  let checking = false;

  return {
    get: () => current,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    activeFor: (userId) => (current !== undefined && userId !== undefined && current.userId === userId ? current : undefined),
    async lend({ userId, salarieId, firstName, pin, pinAgain }) {
      if (!isValidPin(pin)) return { ok: false, message: 'Le code doit avoir 4 à 6 chiffres.' };
      if (pin !== pinAgain) return { ok: false, message: 'Les deux codes ne sont pas les mêmes.' };
      if (deps.storage === undefined) return { ok: false, message: 'Cette tablette ne peut pas garder le code : le mode consultation est impossible ici.' };
      set({ userId, salarieId, firstName, pin: await hashPin(pin), failures: 0, lockedUntil: 0 });
      return { ok: true };
    },
    async giveBack(pin) {
      const lending = current;
      if (lending === undefined) return { ok: true };
      const wait = lending.lockedUntil - now();
      if (wait > 0) return { ok: false, message: `Trop d’essais. Attendez ${waitWords(wait)} avant de réessayer.` };
      if (checking) return { ok: false, message: 'Vérification en cours.' };
      checking = true;
      try {
        if (await verifyPin(pin, lending.pin)) {
          set(undefined);
          return { ok: true };
        }
        const failures = lending.failures + 1;
        const delay = delayAfter(failures);
        set({ ...lending, failures, lockedUntil: delay > 0 ? now() + delay : 0 });
        return { ok: false, message: delay > 0 ? `Ce n’est pas le bon code. Trop d’essais : attendez ${waitWords(delay)} avant de réessayer.` : 'Ce n’est pas le bon code.' };
      } finally {
        checking = false;
      }
    },
    reload() {
      current = read();
      listeners.forEach((f) => f());
    },
  };
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Storage disabled (a privacy setting): no consultation mode, said when lending.
    return undefined;
  }
}

let shared: ConsultationStore | undefined;

/** The device's consultation store (one per page), following the other tabs. */
export function consultationStore(): ConsultationStore {
  if (shared === undefined) {
    const store = createConsultationStore({ storage: browserStorage() });
    globalThis.addEventListener?.('storage', (e: StorageEvent) => {
      if (e.key === CONSULTATION_KEY || e.key === null) store.reload();
    });
    shared = store;
  }
  return shared;
}
