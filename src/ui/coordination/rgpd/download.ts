// Small helpers of the RGPD section: saving the export as a file from the browser (no server
// route: the JSON is already in hand), its name, and the typed-name check of the erasure, which
// ignores case and accents so « diallo » confirms « Diallo » but « Dial » does not.

/** Lower case, accents dropped, spaces squeezed. */
function key(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function sameName(typed: string, lastName: string): boolean {
  return key(typed) !== '' && key(typed) === key(lastName);
}

/** « donnees-diallo-amina-2026-11-20.json »: letters, digits and dashes only. */
export function exportFileName(s: { firstName?: string | null; lastName?: string | null }, today: string): string {
  const who = key(`${s.lastName ?? ''} ${s.firstName ?? ''}`).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `donnees-${who === '' ? 'salarie' : who}-${today}.json`;
}

export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Let the browser start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
