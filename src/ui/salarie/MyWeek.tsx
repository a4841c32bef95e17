// « Ma semaine »: each day, where I work, from when to when, my task, the consignes and the EPI
// to wear, each with its pictogram. « With whom » shows only when the device may show the team
// (see client/queries/salarie.ts: today a salarié's access does not include the team or the
// chantier, so the place is the slot's label and the team is not named). Week by week, with
// buttons to go back and forth.
import { useState } from 'preact/hooks';
import { CalendarDays, ChevronLeft, ChevronRight, ClipboardList, Clock, HardHat, Hammer, ListChecks, MapPin, UserCheck, Users } from 'lucide';
import { addDays } from '../../domain/rules/dates';
import { mondayOf } from '../../domain/production/calendar';
import type { MyWeek as Week, SalarieViewer, WeekItem } from '../../client/queries/salarie';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { ListenButton } from './ListenButton';
import { clockWords, dayWords } from './falcWords';
import { epiPictogram } from './epiPictogram';

function itemWords(i: WeekItem): string {
  const parts = [];
  if (i.startTime !== undefined) parts.push(`De ${clockWords(i.startTime)}${i.endTime !== undefined ? ` à ${clockWords(i.endTime)}` : ''}.`);
  if (i.place !== '') parts.push(`Je travaille à : ${i.place}.`);
  if (i.address !== undefined) parts.push(`L’adresse : ${i.address}.`);
  parts.push(`Mon travail : ${i.task}.`);
  if (i.consignes !== undefined) parts.push(`Les consignes : ${i.consignes}`);
  if (i.checklist.length > 0) parts.push(`À faire : ${i.checklist.join('. ')}.`);
  if (i.epi.length > 0) parts.push(`Je porte : ${i.epi.join(', ')}.`);
  if (i.team !== undefined) parts.push(`Je travaille avec l’équipe ${i.team.name}.`);
  if (i.training) parts.push('Mon encadrant est à côté de moi.');
  return parts.join(' ');
}

function Item({ item }: { item: WeekItem }) {
  return (
    <li class="falc-card" data-testid="week-item">
      {item.startTime !== undefined && (
        <p><Icon icon={Clock} size={32} /> De {clockWords(item.startTime)}{item.endTime !== undefined && <> à {clockWords(item.endTime)}</>}.</p>
      )}
      {item.place !== '' && <p><Icon icon={MapPin} size={32} /> Je travaille à : <strong>{item.place}</strong>.</p>}
      {item.address !== undefined && <p><Icon icon={MapPin} size={32} /> L’adresse : {item.address}.</p>}
      <p>
        <Icon icon={Hammer} size={32} /> Mon travail : <strong>{item.task}</strong>.
        {item.competences.map((c) => <Pictogram key={c.id} name={c.pictogram} size={32} label={c.label} />)}
      </p>
      {item.consignes !== undefined && <p><Icon icon={ClipboardList} size={32} /> Les consignes : {item.consignes}</p>}
      {item.checklist.length > 0 && (
        <ul class="falc-list" aria-label="À faire">
          {item.checklist.map((c) => <li key={c}><Icon icon={ListChecks} size={28} /> {c}</li>)}
        </ul>
      )}
      {item.epi.length > 0 && (
        <>
          <p><Icon icon={HardHat} size={32} /> Je porte :</p>
          <ul class="falc-list epi" aria-label="Je porte">
            {item.epi.map((e) => <li key={e}><Pictogram name={epiPictogram(e)} size={32} /> {e}</li>)}
          </ul>
        </>
      )}
      {item.team !== undefined && (
        <p><Icon icon={Users} size={32} /> Avec l’équipe {item.team.name}.{item.team.encadrants.length > 0 && <> Mon encadrant : {item.team.encadrants.join(', ')}.</>}</p>
      )}
      {item.training && <p><Icon icon={UserCheck} size={32} /> J’apprends. Mon encadrant est à côté de moi.</p>}
    </li>
  );
}

export function MyWeek({ viewer, today }: { viewer: SalarieViewer; today: string }) {
  const { queries } = useServices();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const week = useLiveQuery<Week | undefined>(() => queries.salarie.week(viewer, monday), [viewer.structureId, viewer.salarieId, monday]);
  const thisWeek = monday === mondayOf(today);
  const title = thisWeek ? 'Ma semaine' : `Ma semaine du ${dayWords(monday)}`;
  const spoken = week === undefined ? '' : week.days.map((d) => `${dayWords(d.date)}. ${d.items.length === 0 ? 'Pas de travail prévu.' : d.items.map(itemWords).join(' ')}`).join(' ');
  return (
    <FalcBlock id="week" icon={CalendarDays} title={title} speech={spoken}>
      <div class="falc-actions">
        <button type="button" class="secondary" onClick={() => setMonday(addDays(monday, -7))}><Icon icon={ChevronLeft} size={28} /> La semaine d’avant</button>
        {!thisWeek && <button type="button" class="secondary" onClick={() => setMonday(mondayOf(today))}><Icon icon={CalendarDays} size={28} /> Cette semaine</button>}
        <button type="button" class="secondary" onClick={() => setMonday(addDays(monday, 7))}>La semaine d’après <Icon icon={ChevronRight} size={28} /></button>
      </div>
      {week === undefined ? <p role="status">Je cherche ma semaine.</p> : (
        <ol class="falc-days">
          {week.days.map((d) => (
            <li key={d.date} class={d.date === today ? 'falc-day today' : 'falc-day'} data-testid="week-day" aria-current={d.date === today ? 'date' : undefined}>
              <div class="falc-day-head">
                <h3><Icon icon={CalendarDays} size={32} /> {d.date === today && 'Aujourd’hui, '}{dayWords(d.date)}</h3>
                {d.items.length > 0 && <ListenButton id={`day-${d.date}`} text={`${dayWords(d.date)}. ${d.items.map(itemWords).join(' ')}`} what={dayWords(d.date)} />}
              </div>
              {d.items.length === 0 ? <p><Icon icon={CalendarDays} size={28} /> Pas de travail prévu.</p> : (
                <ul class="falc-items">{d.items.map((i) => <Item key={i.slotId} item={i} />)}</ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </FalcBlock>
  );
}
