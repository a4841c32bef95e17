// « Mon PASS IAE » as a bar: the time used and the time left, in days and about how many months.
// The end date counts suspensions and prolongations (domain/rules/pass.ts, through the query).
// The bar is a progressbar with its words beside it, so it never rests on the colours.
import { CalendarCheck, CalendarDays, CirclePause, Hourglass, IdCard } from 'lucide';
import type { MyPass as Pass, SalarieViewer } from '../../client/queries/salarie';
import { Icon } from '../icons/Icon';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { aboutMonths, dayWords, daysWords } from './falcWords';

function sentences(p: Pass): string[] {
  const left = aboutMonths(p.leftDays);
  const out = [`Mon PASS IAE a commencé le ${dayWords(p.start)}.`, `Il finit le ${dayWords(p.end)}.`];
  if (p.status === 'a_venir') out.push('Il n’a pas encore commencé.');
  else if (p.status === 'expire') out.push('Il est fini.');
  else out.push(`Il me reste ${daysWords(p.leftDays)}.${left === '' ? '' : ` C’est ${left}.`}`);
  if (p.suspended) out.push('Il est en pause en ce moment. Le temps de pause ne compte pas.');
  return out;
}

export function MyPass({ viewer, today }: { viewer: SalarieViewer; today: string }) {
  const { queries } = useServices();
  const pass = useLiveQuery<Pass | null>(async () => (await queries.salarie.pass(viewer, today)) ?? null, [viewer.structureId, viewer.salarieId, today]);
  const intro = 'Le PASS IAE dit combien de temps je peux travailler ici.';
  if (pass === undefined) return <FalcBlock id="pass" icon={IdCard} title="Mon PASS IAE" speech={intro}><p role="status">Je cherche mon PASS IAE.</p></FalcBlock>;
  if (pass === null) {
    return (
      <FalcBlock id="pass" icon={IdCard} title="Mon PASS IAE" speech={`${intro} Il n’est pas encore sur la tablette.`}>
        <p><Icon icon={IdCard} size={32} /> {intro}</p>
        <p><Icon icon={Hourglass} size={32} /> Il n’est pas encore sur la tablette.</p>
      </FalcBlock>
    );
  }
  const usedPct = Math.round((pass.usedDays / pass.totalDays) * 100);
  const left = aboutMonths(pass.leftDays);
  return (
    <FalcBlock id="pass" icon={IdCard} title="Mon PASS IAE" speech={`${intro} ${sentences(pass).join(' ')}`}>
      <p><Icon icon={IdCard} size={32} /> {intro}</p>
      <div class="pass-bar" role="progressbar" aria-label="Temps passé sur mon PASS IAE" aria-valuemin={0} aria-valuemax={pass.totalDays} aria-valuenow={pass.usedDays}
        aria-valuetext={`${daysWords(pass.usedDays)} passés, ${daysWords(pass.leftDays)} restants`} data-testid="pass-bar">
        <div class="pass-used" style={{ width: `${usedPct}%` }} />
      </div>
      <div class="pass-legend">
        <p><span class="pass-key used" aria-hidden="true" /> Temps passé : {daysWords(pass.usedDays)}.</p>
        <p><span class="pass-key left" aria-hidden="true" /> Temps qui reste : <strong>{daysWords(pass.leftDays)}</strong>.{left !== '' && <> C’est {left}.</>}</p>
      </div>
      <p><Icon icon={CalendarDays} size={32} /> Début : le {dayWords(pass.start)}.</p>
      <p><Icon icon={CalendarCheck} size={32} /> Fin : le {dayWords(pass.end)}.</p>
      {pass.status === 'a_venir' && <p><Icon icon={Hourglass} size={32} /> Il n’a pas encore commencé.</p>}
      {pass.status === 'expire' && <p><Icon icon={Hourglass} size={32} /> Il est fini.</p>}
      {pass.suspended && <p><Icon icon={CirclePause} size={32} /> Il est en pause en ce moment. Le temps de pause ne compte pas.</p>}
    </FalcBlock>
  );
}
