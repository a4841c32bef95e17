// How many of a long list's rows to render: the first `first` at once, so the first frame lays
// out only about a screenful, then `step` more at each idle moment after that frame has been
// painted, until all are there (find in page, scrolling and a screen reader then see every row).
// Printing renders all of them at once (beforeprint), since a printout cannot scroll; the
// « Imprimer » button asks for that first and prints once it is rendered (`requestPrint`).
// `reset` names what the list is (a sort, a filter): a new one starts again from `first`.
import { useEffect, useState } from 'preact/hooks';
import { onIdle } from '../../shell/hooks/onIdle';

export interface GrowingCount {
  /** Rows to render now. */
  count: number;
  /** Renders every row, then calls window.print(). */
  requestPrint: () => void;
}

export function useGrowingCount(total: number, first: number, step: number, reset: string): GrowingCount {
  const [grown, setGrown] = useState({ reset, count: first });
  const [printing, setPrinting] = useState<'no' | 'events' | 'button'>('no');
  const count = printing !== 'no' ? total : Math.min(total, grown.reset === reset ? grown.count : first);

  useEffect(() => {
    if (grown.reset !== reset) { setGrown({ reset, count: first }); return undefined; }
    if (count >= total) return undefined;
    // After this frame is painted and the tablet is idle; a tap in between comes first.
    return onIdle(() => setGrown((g) => (g.reset === reset ? { reset, count: g.count + step } : g)));
    // `grown`, not `count`: after a reset the count is `first` again, the same number as before.
  }, [reset, grown, count, total]);

  useEffect(() => {
    const before = () => setPrinting((p) => (p === 'no' ? 'events' : p));
    const after = () => setPrinting('no');
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => { window.removeEventListener('beforeprint', before); window.removeEventListener('afterprint', after); };
  }, []);

  // The button's print, once every row is rendered (window.print() blocks until the dialog closes).
  useEffect(() => {
    if (printing !== 'button') return;
    window.print();
    setPrinting('no');
  }, [printing]);

  return { count, requestPrint: () => setPrinting('button') };
}
