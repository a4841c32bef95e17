// How a person is named on every screen and document: « Prénom Nom », and a stable French order.

export function fullName(s: { firstName?: string | null; lastName?: string | null } | undefined): string {
  if (s === undefined) return 'Salarié inconnu';
  return `${s.firstName ?? ''} ${s.lastName ?? ''}`.trim();
}

/** Compares two labels as a French reader orders them (accents, case). */
export function byFrench(a: string, b: string): number {
  return a.localeCompare(b, 'fr');
}
