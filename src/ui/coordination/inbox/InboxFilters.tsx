// The inbox's filter bar: team, ETI (author), salarié, category and period, each a labelled
// select (large touch targets, readable by a screen reader), and « Effacer les filtres » when any
// is set. It only reports the new filter; the filtering itself is the pure `filterEntries`.
import { LOG_CATEGORIES } from '../../../domain/entities';
import { LOG_CATEGORY_LABELS } from '../../../domain/rules/labels';
import { isFiltered, NO_FILTER, PERIODS, PERIOD_LABELS, type InboxFilter, type Period } from '../../../domain/review/filters';
import type { InboxOptions, Option } from './inboxOptions';

function Select({ id, label, value, all, options, onChange }: { id: string; label: string; value: string; all: string; options: readonly Option[]; onChange: (v: string) => void }) {
  return (
    <div class="field inline">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{all}</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
      </select>
    </div>
  );
}

const CATEGORY_OPTIONS: Option[] = LOG_CATEGORIES.map((c) => ({ id: c, label: LOG_CATEGORY_LABELS[c] }));
const isPeriod = (s: string): s is Period => (PERIODS as readonly string[]).includes(s);

export function InboxFilters({ filter, options, onChange }: { filter: InboxFilter; options: InboxOptions; onChange: (f: InboxFilter) => void }) {
  const set = (patch: Partial<InboxFilter>) => onChange({ ...filter, ...patch });
  return (
    <form class="row-between inbox-filters no-print" role="search" aria-label="Filtrer ce qui est à lire" onSubmit={(e) => e.preventDefault()}>
      <Select id="inbox-team" label="Équipe" value={filter.teamId} all="Toutes" options={options.teams} onChange={(v) => set({ teamId: v })} />
      <Select id="inbox-author" label="Encadrant" value={filter.authorId} all="Tous" options={options.authors} onChange={(v) => set({ authorId: v })} />
      <Select id="inbox-salarie" label="Salarié" value={filter.salarieId} all="Tous" options={options.salaries} onChange={(v) => set({ salarieId: v })} />
      <Select id="inbox-category" label="Catégorie" value={filter.category} all="Toutes" options={CATEGORY_OPTIONS} onChange={(v) => set({ category: v })} />
      <div class="field inline">
        <label for="inbox-period">Période</label>
        <select id="inbox-period" value={filter.period} onChange={(e) => { const v = e.currentTarget.value; if (isPeriod(v)) set({ period: v }); }}>
          {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_LABELS[p]}</option>)}
        </select>
      </div>
      {isFiltered(filter) && <button type="button" class="secondary" onClick={() => onChange(NO_FILTER)}>Effacer les filtres</button>}
    </form>
  );
}
