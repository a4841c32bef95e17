// « Journal des accès » (coordination): who read confidential data — diagnostics, privé entries of
// the livret, RGPD exports, the history of a confidential record — and erasures, newest first,
// filtered by period and salarié. The server keeps ids only; names are put on them here from the
// records this tablet holds. Online only (client/audit.ts), like « Tablettes »: the journal is
// never copied to the device.
import { useEffect, useState } from 'preact/hooks';
import { adminErrorMessage } from '../../../client/admin';
import type { AuditApi, AuditFilter } from '../../../client/audit';
import { byFrench, fullName } from '../../../domain/people';
import type { AuditLine } from '../../../sync/protocol';
import { useServices } from '../../shell/services';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { useAdminConnection } from '../logins/adminConnection';
import { auditCount, auditDate, auditWhat, auditWho, auditWhom } from './auditLabels';

export const OFFLINE_AUDIT = 'Connexion nécessaire pour consulter le journal des accès.';
const PAGE_SIZE = 50;

interface Filters {
  from: string;
  to: string;
  salarieId: string;
}

const NO_FILTERS: Filters = { from: '', to: '', salarieId: '' };

function filterOf(f: Filters): AuditFilter {
  return {
    ...(f.from !== '' ? { from: f.from } : {}),
    ...(f.to !== '' ? { to: f.to } : {}),
    ...(f.salarieId !== '' ? { salarieId: f.salarieId } : {}),
    limit: PAGE_SIZE,
  };
}

export function AuditPage({ audit }: { audit: AuditApi | undefined }) {
  const { queries } = useServices();
  const conn = useAdminConnection();
  const users = useLiveQuery(() => queries.teams.userNames(), [queries], new Map<string, string>());
  const salarieRows = useLiveQuery(() => queries.records.list('salarie'), [queries], []);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [lines, setLines] = useState<AuditLine[] | null>(null);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const online = conn.online && audit !== undefined;
  const filtered = filters.from !== '' || filters.to !== '' || filters.salarieId !== '';
  const badPeriod = filters.from !== '' && filters.to !== '' && filters.to < filters.from;

  useEffect(() => {
    if (audit === undefined || (!conn.online && attempt === 0) || badPeriod) return;
    let alive = true;
    void conn.run(async () => {
      const page = await audit.list(filterOf(filters));
      if (!alive) return;
      setError(null);
      setLines(page.lines);
      setNext(page.next);
    }, (e) => alive && setError(adminErrorMessage(e)));
    return () => { alive = false; };
  }, [audit, conn.online, attempt, filters.from, filters.to, filters.salarieId, badPeriod]);

  async function older() {
    if (audit === undefined || next === undefined) return;
    await conn.run(async () => {
      const page = await audit.list({ ...filterOf(filters), before: next });
      setLines((shown) => [...(shown ?? []), ...page.lines]);
      setNext(page.next);
    }, (e) => setError(adminErrorMessage(e)));
  }

  const salaries = new Map(salarieRows.map((s) => [s.id, fullName(s)]));
  const choices = [...salaries].sort((a, b) => byFrench(a[1], b[1]));
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section aria-labelledby="audit-title" class="audit">
      <h2 id="audit-title">Journal des accès</h2>
      <p class="hint">Qui a lu des données confidentielles (diagnostics, entrées privées du livret, exports et historiques des dossiers) et quels dossiers ont été effacés. Le serveur ne garde que des identifiants : les noms viennent de cette tablette.</p>
      {!online && (
        <div class="banner warn" role="status">
          <p>{OFFLINE_AUDIT}</p>
          <button type="button" class="secondary" onClick={() => setAttempt((n) => n + 1)}>Réessayer</button>
        </div>
      )}
      <form class="audit-filters" aria-label="Filtrer le journal" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="audit-from">Du</label>
          <input id="audit-from" type="date" value={filters.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="audit-to">Au</label>
          <input id="audit-to" type="date" value={filters.to} onInput={(e) => set({ to: e.currentTarget.value })} aria-describedby={badPeriod ? 'audit-period-error' : undefined} />
        </div>
        <div class="field">
          <label for="audit-salarie">Salarié</label>
          <select id="audit-salarie" value={filters.salarieId} onChange={(e) => set({ salarieId: e.currentTarget.value })}>
            <option value="">Tous les salariés</option>
            {choices.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </div>
        {filtered && <button type="button" class="secondary" onClick={() => setFilters(NO_FILTERS)}>Effacer les filtres</button>}
      </form>
      {badPeriod && <p id="audit-period-error" class="error-text" role="alert">La date de fin précède la date de début.</p>}
      {error !== null && <p class="banner error" role="alert">{error}</p>}
      {lines === null ? online && <p>Chargement du journal…</p> : lines.length === 0 ? <p>Aucun accès enregistré pour ces critères.</p> : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-caption">
          <table class="plain">
            <caption id="audit-caption">Accès aux données confidentielles, du plus récent au plus ancien</caption>
            <thead>
              <tr><th scope="col">Date</th><th scope="col">Qui</th><th scope="col">Lecture</th><th scope="col">Salarié</th><th scope="col">Enregistrements</th></tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{auditDate(l.at)}</th>
                  <td>{auditWho(l, users)}</td>
                  <td>{auditWhat(l)}</td>
                  <td>{auditWhom(l, salaries)}</td>
                  <td>{auditCount(l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== undefined && online && (
        <div class="actions"><button type="button" class="secondary" onClick={() => void older()}>Voir les accès plus anciens</button></div>
      )}
    </section>
  );
}
