// The salarié's competences in FALC: a pictogram, the level as a symbol and a few words, read
// aloud on demand, and « Et moi, je pense… » to self-assess in one tap. The official level stays
// the ETI's; the self-assessment is shown beside it, never instead of it.
import { useState } from 'preact/hooks';
import { LEVEL_INFO, type CompetenceLevel } from '../../domain/rules/matrix';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import type { SessionUser } from '../../sync/protocol';
import type { CompetenceRow } from '../../client/queries/salarieCompetences';
import { readAloud } from './readAloud';

/** Very short words for each level, first person (FALC). */
export const FALC_LEVEL_WORDS: Readonly<Record<CompetenceLevel, string>> = {
  0: 'Pas encore fait',
  1: 'Je découvre',
  2: 'Je fais avec de l’aide',
  3: 'Je fais seul',
  4: 'Je peux montrer aux autres',
};

export function MyCompetences({ user }: { user: SessionUser }) {
  const { queries, write, now } = useServices();
  const salarieId = user.salarieId ?? '';
  const mine = useLiveQuery(() => queries.salarie.myCompetences(salarieId), [salarieId], []);
  const [asking, setAsking] = useState<CompetenceRow | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function selfAssess(c: CompetenceRow, level: CompetenceLevel) {
    try {
      await write('evaluation', uuidv7(), { structureId: user.structureId, salarieId, competenceId: c.id, level, context: 'self', date: isoDay(now()), evaluatorId: user.id });
      setMessage(`C’est noté : ${FALC_LEVEL_WORDS[level]}.`);
      setAsking(null);
    } catch (e) {
      setMessage(writeErrorMessage(e));
    }
  }

  return (
    <section aria-labelledby="my-comp-title">
      <h3 id="my-comp-title"><span aria-hidden="true">🧰</span> Mes compétences</h3>
      {message !== null && <p class="banner info" role="status">{message}</p>}
      {mine.length === 0 ? <p>Pas encore de compétence évaluée.</p> : (
        <ul class="list">
          {mine.map(({ competence: c, cell }) => {
            const level = cell?.level ?? 0;
            const self = cell?.self?.level;
            const said = `${c.label}. ${FALC_LEVEL_WORDS[level]}.${self !== undefined && self !== level ? ` Moi, je pense : ${FALC_LEVEL_WORDS[self]}.` : ''}`;
            return (
              <li key={c.id} class="entry" data-testid="my-competence">
                <header>
                  <span class="picto" aria-hidden="true">{c.pictogram || '🛠️'}</span>
                  <strong>{c.label}</strong>
                </header>
                <p class={`level lvl-${level}`}><span class="level-symbol big" aria-hidden="true">{LEVEL_INFO[level].symbol}</span> {FALC_LEVEL_WORDS[level]}</p>
                {self !== undefined && self !== level && <p>Moi, je pense : <span aria-hidden="true">{LEVEL_INFO[self].symbol}</span> {FALC_LEVEL_WORDS[self]}</p>}
                <div class="actions">
                  <button type="button" class="secondary" onClick={() => readAloud(said)}><span aria-hidden="true">🔊</span> Écouter</button>
                  <button type="button" class="secondary" onClick={() => setAsking(asking?.id === c.id ? null : c)} aria-expanded={asking?.id === c.id}><span aria-hidden="true">✋</span> Et moi, je pense…<span class="sr-only"> ({c.label})</span></button>
                </div>
                {asking?.id === c.id && (
                  <div class="level-choices" role="group" aria-label={`Mon avis sur : ${c.label}`}>
                    {([1, 2, 3, 4] as const).map((l) => (
                      <button key={l} type="button" class={`level-choice lvl-${l}`} onClick={() => void selfAssess(c, l)}>
                        <span class="level-symbol" aria-hidden="true">{LEVEL_INFO[l].symbol}</span> {FALC_LEVEL_WORDS[l]}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
