// Create a team or change one: its name, its ETIs (the structure's users with the ETI role) and
// its activity. A team's ETIs are who sees its members on their tablet, hence the hint.
import { useState } from 'preact/hooks';
import type { ActivityRow, TeamRow, UserRow } from '../../../client/queries/structure';
import { validateSet } from '../../../domain/entities';
import { uuidv7 } from '../../../domain/ids';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';

export function TeamForm({ team, etis, activities, structureId, onDone }: {
  team: TeamRow | undefined;
  etis: readonly UserRow[];
  activities: readonly ActivityRow[];
  structureId: string;
  onDone: (text: string | null) => void;
}) {
  const { write } = useServices();
  const [name, setName] = useState(team?.name ?? '');
  const [etiIds, setEtiIds] = useState<string[]>(team?.etiUserIds ?? []);
  const [activityId, setActivityId] = useState(team?.activityId ?? '');
  const [error, setError] = useState<string | null>(null);
  const prefix = team ? `team-${team.id}` : 'team-new';
  const check = validateSet('team', { name: name.trim() });
  const nameError = check.ok ? null : name === '' ? 'Donnez un nom à l’équipe.' : check.message;

  async function save(ev: Event) {
    ev.preventDefault();
    if (nameError !== null) return;
    try {
      await write('team', team?.id ?? uuidv7(), { ...(team ? {} : { structureId }), name: name.trim(), etiUserIds: etiIds, activityId: activityId === '' ? null : activityId });
      onDone(team ? 'Équipe modifiée.' : 'Équipe créée.');
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  const toggle = (id: string, on: boolean) => setEtiIds(on ? [...etiIds.filter((x) => x !== id), id] : etiIds.filter((x) => x !== id));
  return (
    <form aria-label={team ? `Modifier l’équipe ${team.name}` : 'Nouvelle équipe'} onSubmit={(e) => void save(e)}>
      <div class="field">
        <label for={`${prefix}-name`}>Nom de l’équipe</label>
        <input id={`${prefix}-name`} value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        {nameError !== null && <p class="error-text" role="alert">{nameError}</p>}
      </div>
      <fieldset>
        <legend>Encadrants techniques</legend>
        {etis.length === 0 ? <p class="hint">Aucun encadrant technique sur cette tablette.</p> : etis.map((u) => (
          <label key={u.id} class="check"><input type="checkbox" checked={etiIds.includes(u.id)} onChange={(e) => toggle(u.id, e.currentTarget.checked)} />{u.displayName}</label>
        ))}
      </fieldset>
      <div class="field">
        <label for={`${prefix}-activity`}>Activité</label>
        <select id={`${prefix}-activity`} value={activityId} onChange={(e) => setActivityId(e.currentTarget.value)}>
          <option value="">—</option>
          {activities.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </div>
      <div class="actions">
        <button type="submit" disabled={nameError !== null}>{team ? 'Enregistrer l’équipe' : 'Créer l’équipe'}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>Annuler</button>
      </div>
      {error !== null && <p class="banner error" role="alert">{error}</p>}
    </form>
  );
}
