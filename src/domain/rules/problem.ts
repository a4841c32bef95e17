// What every check in the rules returns: a list of problems, empty when all is fine. A stable
// code for the program (tests, field highlighting) and a French message for the person.

export interface Problem {
  code: string;
  message: string;
}

export function problem(code: string, message: string): Problem {
  return { code, message };
}

/** 'JJ/MM/AAAA', the way dates are written in French messages. */
export function frDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}
