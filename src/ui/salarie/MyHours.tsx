// « Mes heures »: what I worked this month, from the relevé d'heures my encadrant fills in, in
// words (« 86 heures 30 minutes ») and day by day. Read only: a salarié never writes hours.
import { CalendarDays, Clock, Timer, UserX } from 'lucide';
import type { MyHours as Hours, SalarieViewer } from '../../client/queries/salarie';
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { Icon } from '../icons/Icon';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { dayWords, hoursWords } from './falcWords';

/** Why I was away, in common words (the relevé's labels are the ETI's). */
const ABSENCE_WORDS: Readonly<Record<string, string>> = {
  maladie: 'J’étais malade',
  accident_travail: 'Accident au travail',
  absence_injustifiee: 'Absence sans justificatif',
  formation: 'J’étais en formation',
  pmsmp: 'J’étais en stage dans une entreprise',
  conge: 'J’étais en congé',
};

function monthWords(month: string): string {
  return format(parseISO(`${month}-01`), 'MMMM yyyy', { locale: fr });
}

export function MyHours({ viewer, today }: { viewer: SalarieViewer; today: string }) {
  const { queries } = useServices();
  const month = today.slice(0, 7);
  const hours = useLiveQuery<Hours | undefined>(() => queries.salarie.hours(viewer, month), [viewer.structureId, viewer.salarieId, month]);
  const title = 'Mes heures ce mois-ci';
  if (hours === undefined) return <FalcBlock id="hours" icon={Clock} title={title} speech=""><p role="status">Je cherche mes heures.</p></FalcBlock>;
  const sentences = [
    `Le mois de ${monthWords(month)}.`,
    `J’ai travaillé ${hoursWords(hours.worked)}.`,
    `Je suis venu ${hours.daysWorked} jour${hours.daysWorked > 1 ? 's' : ''}.`,
    ...(hours.absent > 0 ? [`J’ai été absent ${hoursWords(hours.absent)}.`] : []),
    ...(hours.lateMinutes > 0 ? [`J’ai été en retard ${hours.lateMinutes} minutes en tout.`] : []),
  ];
  return (
    <FalcBlock id="hours" icon={Clock} title={title} speech={sentences.join(' ')}>
      <p><Icon icon={CalendarDays} size={32} /> Le mois de {monthWords(month)}.</p>
      <p class="falc-big" data-testid="hours-worked"><Icon icon={Clock} size={40} /> J’ai travaillé <strong>{hoursWords(hours.worked)}</strong>.</p>
      <p><Icon icon={CalendarDays} size={32} /> Je suis venu {hours.daysWorked} jour{hours.daysWorked > 1 ? 's' : ''}.</p>
      {hours.absent > 0 && <p><Icon icon={UserX} size={32} /> J’ai été absent {hoursWords(hours.absent)}.</p>}
      {hours.lateMinutes > 0 && <p><Icon icon={Timer} size={32} /> J’ai été en retard {hours.lateMinutes} minutes en tout.</p>}
      {hours.days.length === 0 ? <p><Icon icon={Clock} size={32} /> Pas encore d’heures ce mois-ci.</p> : (
        <details class="falc-details">
          <summary><Icon icon={CalendarDays} size={28} /> Voir jour par jour</summary>
          <ul class="falc-list">
            {hours.days.map((d) => (
              <li key={d.date} data-testid="hours-day">
                <Icon icon={Clock} size={28} /> {dayWords(d.date)} : {hoursWords(d.worked)}.
                {d.absence !== undefined && <> {ABSENCE_WORDS[d.absence] ?? 'Absent'}.</>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </FalcBlock>
  );
}
