// The field history of one record of a salarié's file (coordination): who changed which field,
// when, to what — including the values that lost a conflict, marked « écartée (conflit) », so a
// coordinator can see what an ETI typed offline even when a later write replaced it. The history
// lives on the server only (GET /api/history/:entity/:id), so offline the panel says a
// connection is needed, as « Comptes » and « Tablettes » do.
// `fields` narrows it to the fields a section edits (identity, aménagements, exit are all the
// salarié's record): the server sends the whole record's history, the panel shows that part.
import { useEffect, useState } from 'preact/hooks';
import { adminErrorMessage } from '../../../client/admin';
import type { EntityName } from '../../../domain/entities';
import { groupChanges, type FieldHistoryItem } from '../../../domain/history/fieldHistory';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { useServices } from '../../shell/services';
import { useAdminConnection } from '../logins/adminConnection';
import { dateTime, valueText } from './historyValue';

export const OFFLINE_HISTORY = 'Connexion nécessaire pour voir l’historique : il est gardé sur le serveur.';
export const LOST_LABEL = 'écartée (conflit)';

export function HistoryPanel({ entity, id, fields }: { entity: EntityName; id: string; fields?: readonly string[] | undefined }) {
  const services = useServices();
  const conn = useAdminConnection();
  // Undefined until read: the list waits for it rather than flash « Compte inconnu ».
  const names = useLiveQuery(() => services.queries.teams.userNames(), []);
  const [items, setItems] = useState<FieldHistoryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!conn.online && attempt === 0) return;
    let alive = true;
    setError(null);
    void conn.run(async () => {
      const list = await services.admin.history(entity, id);
      if (alive) setItems(list);
    }, (e) => alive && setError(adminErrorMessage(e)));
    return () => { alive = false; };
  }, [entity, id, conn.online, attempt]);

  const shown = items === null ? [] : fields === undefined ? items : items.filter((h) => fields.includes(h.field));
  const changes = groupChanges(entity, shown);
  const anyLost = changes.some((c) => c.fields.some((f) => !f.won));
  const who = (userId: string | null) => (userId === null ? 'Personne inconnue' : names?.get(userId) ?? 'Compte inconnu de cette tablette');
  return (
    <section class="card history-panel" aria-label="Historique des modifications">
      {!conn.online && (
        <div class="banner warn" role="status">
          <p>{OFFLINE_HISTORY}</p>
          <button type="button" class="secondary" onClick={() => setAttempt((n) => n + 1)}>Réessayer</button>
        </div>
      )}
      {error !== null && <p class="banner error" role="alert">{error}</p>}
      {items === null || names === undefined ? conn.online && error === null && <p>Chargement de l’historique…</p> : (
        <>
          {changes.length === 0 && <p>Aucune modification enregistrée sur le serveur pour cette fiche.</p>}
          {anyLost && <p class="hint">Une valeur « {LOST_LABEL} » a été saisie en même temps qu’une autre, plus récente, qui l’a remplacée.</p>}
          <ol class="list history-list">
            {changes.map((c) => (
              <li key={c.key} class="entry">
                <p class="meta"><time dateTime={c.writtenAt}>{dateTime(c.writtenAt)}</time> · {who(c.userId)}</p>
                <dl class="history-fields">
                  {c.fields.map((f) => (
                    <div key={f.field} class={f.won ? 'history-field' : 'history-field history-lost'}>
                      <dt>{f.label}</dt>
                      <dd>
                        <span class="history-value">{valueText(entity, f.field, f.value, names)}</span>
                        {!f.won && <> <span class="tag">{LOST_LABEL}</span></>}
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
