// Fixed ids for the query tests: one structure, and readable numbered ids (id(201) is a salarié,
// id(300) a team… by each test's own convention) so a failing assertion names a known record.
export const STRUCTURE = '01900000-0000-7000-8000-000000000001';
export const id = (n: number): string => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
