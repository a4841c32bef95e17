// loadOnce (client/loadOnce.ts): every caller shares one load, the value is at hand once loaded,
// and a failed load (offline before the service worker had the code) is tried again.
import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../src/client/loadOnce';

describe('loadOnce', () => {
  it('loads once for every caller, then hands the value over without a wait', async () => {
    let loads = 0;
    const once = loadOnce(async () => ({ n: ++loads }));
    expect(once.now()).toBeUndefined();
    const [a, b] = await Promise.all([once.get(), once.get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(once.now()).toBe(a);
  });

  it('tries again after a failed load', async () => {
    let calls = 0;
    const once = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('hors connexion');
      return 'chargé';
    });
    await expect(once.get()).rejects.toThrow('hors connexion');
    expect(once.now()).toBeUndefined();
    expect(await once.get()).toBe('chargé');
    expect(calls).toBe(2);
  });
});
