// « Importer » (coordination only): bring the people a structure already has into Tremplin, from
// its spreadsheet or from Les emplois de l'inclusion. Both show a preview first and write the
// confirmed lines in one batch; everything is saved on the tablet and synced later.
import { useServices } from '../../shell/services';
import { useExternal } from '../../shell/hooks/useExternal';
import { LesEmploisImport } from './LesEmploisImport';
import { SalariesCsvImport } from './SalariesCsvImport';

export function ImportPage() {
  const services = useServices();
  const user = useExternal(services.session);
  if (user === undefined) return null;
  if (user.role !== 'coordinator') return <p class="banner info">Réservé à la coordination.</p>;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Importer des salariés</h2>
      <SalariesCsvImport structureId={user.structureId} />
      <LesEmploisImport structureId={user.structureId} />
    </section>
  );
}
