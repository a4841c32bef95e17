// Runs before every test file. Preact's hooks schedule effects with requestAnimationFrame plus a
// 100 ms fallback timer; when a jsdom file ends, jsdom's window is torn down before that timer
// fires and the timer then calls a cancelAnimationFrame that no longer exists — an "unhandled
// error" that fails the whole run although every test passed. Waiting out the fallback while the
// window still exists lets those timers finish where they were started.
import { afterAll } from 'vitest';

const PREACT_RAF_FALLBACK_MS = 100;

afterAll(async () => {
  if (typeof document === 'undefined') return;
  await new Promise((resolve) => setTimeout(resolve, PREACT_RAF_FALLBACK_MS + 50));
});

// findBy…/waitFor give up after 1 s by default: enough on a quiet machine, not on a loaded
// 2-core CI runner, where a screen that does appear was reported missing. Five seconds still
// fails a screen that never comes, just later.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 5000 });
}
