// How a contract's weekly hours become working days, and how a competence level grows with
// time in the parcours: shared by the demo month and the generated history so they agree.

export interface Schedule {
  /** Weekdays worked, 0 = Monday. */
  days: ReadonlySet<number>;
  /** Hours worked on each of those days. */
  daily: number;
}

/** ACI habits: 26 h over four days of 6.5 h, 35 h over five, Premières heures over three. */
export function scheduleFor(weeklyHours: number): Schedule {
  const days = weeklyHours >= 30 ? [0, 1, 2, 3, 4] : weeklyHours <= 12 ? [0, 1, 3] : [0, 1, 2, 3];
  return { days: new Set(days), daily: Math.round((weeklyHours / days.length) * 100) / 100 };
}

/** Team slots: a morning and an afternoon; a day longer than the morning spills after lunch. */
export const MORNING = { startTime: '08:00', endTime: '12:00', hours: 4, label: 'Matin' } as const;
export const AFTERNOON = { startTime: '13:00', endTime: '15:30', hours: 2.5, label: 'Après-midi' } as const;

/**
 * Level (0–4) after `days` in the parcours: about one level per quarter at pace 1, minus the
 * competence's difficulty, with a per-person offset so the matrix is not uniform, and a ceiling
 * some people never pass on some gestures.
 */
export function levelAfter(days: number, pace: number, difficulty: number, offset: number, ceiling = 4): number {
  if (days < 0) return 0;
  const raw = Math.floor((days / 91) * pace + 1 - difficulty + offset);
  return Math.max(0, Math.min(ceiling, raw));
}

/** How far a person will go on a competence: harder gestures are mastered less often. */
export function drawCeiling(next: () => number, difficulty: number): number {
  const r = next();
  if (difficulty === 0) return r < 0.85 ? 4 : 3;
  if (difficulty === 1) return r < 0.6 ? 4 : 3;
  return r < 0.4 ? 4 : r < 0.85 ? 3 : 2;
}
