// « Structure » (#/structure, coordination): the hub of the structure's administration — teams,
// import, logins, tablets, first steps, retention — as large cards, each a link with one line
// saying what is done there, so a coordinator who comes here once a month finds the page by
// what it does rather than by its name.
import { STRUCTURE_PAGES } from './structurePages';

export function StructurePage() {
  return (
    <section aria-labelledby="structure-title">
      <h2 id="structure-title">Structure</h2>
      <p class="hint">L’administration de la structure : ce qui se règle de temps en temps, pas chaque jour.</p>
      <ul class="cards structure-cards" aria-label="Pages de la structure">
        {STRUCTURE_PAGES.map((p) => (
          <li key={p.route} class="card">
            {/* The link's name is the page's name; the description is read with it. */}
            <a class="stretch" href={`#${p.route}`} aria-describedby={`structure-${p.route.slice(1)}`}>{p.label}</a>
            <p class="hint" id={`structure-${p.route.slice(1)}`}>{p.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
