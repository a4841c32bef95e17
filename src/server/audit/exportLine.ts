// The audit line of an RGPD export (GET /api/salaries/:id/export): the salarié's id and how many
// records left the server — the file itself and each record about them. Never the content.
import type { SalarieExport } from '../../sync/rgpd';
import type { ReadLine } from './record';

export function exportLine(salarieId: string, body: SalarieExport): ReadLine {
  const records = 1 + Object.values(body.records).reduce((n, list) => n + (list?.length ?? 0), 0);
  return { kind: 'export', entity: 'salarie', salarieIds: [salarieId], records };
}
