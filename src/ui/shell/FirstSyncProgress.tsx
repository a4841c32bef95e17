// The first sync of a tablet can take several seconds (tens of thousands of records): show that
// it is moving. The pull answer gives no total, so the bar is indeterminate (no aria-valuenow,
// per ARIA) and the words say what is known — records and pages received so far.
// Outside the indicator's polite live region, so a screen reader is not told every page.

const frenchCount = new Intl.NumberFormat('fr-FR');

export function FirstSyncProgress({ received, pages }: { received: number; pages: number }) {
  const words = `Première synchronisation : ${frenchCount.format(received)} fiche${received > 1 ? 's' : ''} reçue${received > 1 ? 's' : ''}…`;
  return (
    <div class="first-sync" aria-live="off" data-testid="first-sync">
      <div class="first-sync-bar" role="progressbar" aria-label="Première synchronisation" aria-valuetext={words}>
        <span />
      </div>
      <span>{words}</span>
      <span class="first-sync-pages">{pages} page{pages > 1 ? 's' : ''}</span>
    </div>
  );
}
