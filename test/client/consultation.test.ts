// Consultation mode's store: lending needs a PIN of 4 to 6 digits typed twice; only a salted hash
// is kept; the mode survives a reload (a new store over the same storage); a wrong PIN is refused
// in French, and after five a delay applies, which a reload does not reset.
import { describe, expect, it } from 'vitest';
import { CONSULTATION_KEY, createConsultationStore, delayAfter, type KeyValueStorage } from '../../src/client/consultation';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const LEND = { userId: 'eti-1', salarieId: 'sal-1', firstName: 'Mamadou' };

describe('consultation store', () => {
  it('refuses a PIN that is not 4 to 6 digits, or not the same twice', async () => {
    const store = createConsultationStore({ storage: memoryStorage() });
    expect(await store.lend({ ...LEND, pin: '123', pinAgain: '123' })).toEqual({ ok: false, message: 'Le code doit avoir 4 à 6 chiffres.' });
    expect(await store.lend({ ...LEND, pin: '12a4', pinAgain: '12a4' })).toMatchObject({ ok: false });
    expect(await store.lend({ ...LEND, pin: '1234', pinAgain: '1235' })).toEqual({ ok: false, message: 'Les deux codes ne sont pas les mêmes.' });
    expect(store.get()).toBeUndefined();
  });

  it('keeps only a salted hash, applies to the lending user only, and survives a reload', async () => {
    const storage = memoryStorage();
    const store = createConsultationStore({ storage });
    expect(await store.lend({ ...LEND, pin: '4821', pinAgain: '4821' })).toEqual({ ok: true });
    const stored = storage.data.get(CONSULTATION_KEY) ?? '';
    expect(stored).not.toContain('4821');
    expect(JSON.parse(stored)).toMatchObject({ salarieId: 'sal-1', pin: { salt: expect.any(String), hash: expect.any(String) } });
    expect(store.activeFor('eti-1')?.salarieId).toBe('sal-1');
    expect(store.activeFor('someone-else')).toBeUndefined();

    const afterReload = createConsultationStore({ storage });
    expect(afterReload.activeFor('eti-1')).toMatchObject({ salarieId: 'sal-1', firstName: 'Mamadou' });
    expect(await afterReload.giveBack('4821')).toEqual({ ok: true });
    expect(afterReload.get()).toBeUndefined();
    expect(createConsultationStore({ storage }).get()).toBeUndefined();
  });

  it('says a wrong PIN in French, then makes everyone wait after five, even across a reload', async () => {
    const storage = memoryStorage();
    let now = 1_000_000;
    const store = createConsultationStore({ storage, now: () => now });
    await store.lend({ ...LEND, pin: '123456', pinAgain: '123456' });
    for (let i = 1; i <= 4; i++) expect(await store.giveBack('000000')).toEqual({ ok: false, message: 'Ce n’est pas le bon code.' });
    expect(await store.giveBack('000000')).toEqual({ ok: false, message: 'Ce n’est pas le bon code. Trop d’essais : attendez 30 secondes avant de réessayer.' });
    // Even the right PIN waits, and a reload keeps the count.
    const reloaded = createConsultationStore({ storage, now: () => now });
    expect(await reloaded.giveBack('123456')).toEqual({ ok: false, message: 'Trop d’essais. Attendez 30 secondes avant de réessayer.' });
    expect(reloaded.get()).toBeDefined();
    now += 30_000;
    expect(await reloaded.giveBack('123456')).toEqual({ ok: true });
  });

  it('doubles the delay after each further failure, up to 15 minutes', () => {
    expect([4, 5, 6, 7].map(delayAfter)).toEqual([0, 30_000, 60_000, 120_000]);
    expect(delayAfter(40)).toBe(15 * 60_000);
  });

  it('ignores a damaged record rather than locking the tablet', () => {
    const storage = memoryStorage();
    storage.setItem(CONSULTATION_KEY, '{not json');
    expect(createConsultationStore({ storage }).get()).toBeUndefined();
  });
});
