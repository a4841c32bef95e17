// The salarié's own space, in FALC: big pictograms, short sentences, a button to hear each
// message read aloud: their competences (with a self-assessment in one tap) and the livret
// entries shared with them. Only what the team chose to share reaches this device.
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { MyCompetences } from './MyCompetences';
import { readAloud } from './readAloud';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import type { SalarieHomeData } from '../../client/queries/salarie';
import { longDate } from '../shell/format';
import type { LogCategory } from '../../domain/entities';

const PICTO: Record<LogCategory, { icon: string; words: string }> = {
  integration: { icon: '🤝', words: 'Mon arrivée' },
  comportement: { icon: '🙂', words: 'Au travail' },
  technique: { icon: '🛠️', words: 'Mes progrès' },
  atouts: { icon: '⭐', words: 'Mes points forts' },
  freins: { icon: '🧭', words: 'Mes difficultés' },
  entretien: { icon: '💬', words: 'Rendez-vous' },
  bilan: { icon: '📋', words: 'Bilan' },
  alerte: { icon: '❗', words: 'Important' },
};

const NOTHING: SalarieHomeData = { me: undefined, entries: [] };

export function SalarieHome({ salarieId }: { salarieId: string }) {
  const services = useServices();
  const user = useExternal(services.session);
  const { me, entries } = useLiveQuery(() => services.queries.salarie.home(salarieId), [salarieId], NOTHING);
  return (
    <section class="falc" aria-labelledby="me-title">
      <h2 id="me-title">Bonjour {me?.firstName ?? ''} 👋</h2>
      {user !== undefined && <MyCompetences user={user} />}
      <h3><span aria-hidden="true">📒</span> Mon livret</h3>
      {entries.length === 0 ? <p>Pas de message pour l’instant.</p> : (
        <ul class="list">
          {entries.map((e) => {
            const p = PICTO[e.category] ?? PICTO.bilan;
            const { text } = e;
            return (
              <li key={e.id} class="entry" data-testid="log-entry">
                <header><span class="picto" aria-hidden="true">{p.icon}</span> <strong>{p.words}</strong> <span class="meta">{longDate(e.date)}</span></header>
                <p>{text}</p>
                <button type="button" class="secondary" onClick={() => readAloud(`${p.words}. ${text}`)}><span aria-hidden="true">🔊</span> Écouter</button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
