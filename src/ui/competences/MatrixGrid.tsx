// The grid of the matrice de positionnement, windowed: only the rows and columns in view (plus a
// few on each side) are in the DOM, so a team of 30 × 60 competences paints ~300 cells instead of
// 1,800 (and ~2,500 nodes instead of ~15,000: rendering and layout were the ~300 ms at CPU ×4).
//
// Why this design rather than a <table> or rendering the rest in idle chunks:
// - Fixed sizes (every cell CELL px, a fixed name column and header row), so which cells a scroll
//   position shows is arithmetic (grid.ts, tested as a table) and the browser never measures a
//   table's auto layout. Cells and rows are absolutely positioned in a box of the full size, so the
//   scrollbars are those of the whole matrix and there are no spacer rows or columns to describe.
// - The header row and the name column are position: sticky, as before.
// - ARIA grid: aria-rowcount / aria-colcount on the grid, aria-rowindex on rows, aria-colindex on
//   cells, so a screen reader announces « ligne 12 sur 31 » although most rows are not rendered.
//   Each cell is still a <button> (data-testid="matrix-cell") that opens the CellPanel, named by one
//   sr-only span (symbol and number are aria-hidden: they are its visible short form).
// - One tab stop (roving tabindex); arrows, Home/End (Ctrl for the corners) and PageUp/PageDown move
//   between cells, scrolling the box so the cell is in view. The active cell is always rendered,
//   even when scrolled out of the window, so keyboard focus is never dropped by a scroll.
// - Printing renders every cell (beforeprint), since a printout cannot scroll.
// Idle rendering of the remaining cells was not chosen: it would make later taps wait on chunks of
// work and the DOM would again hold ~15,000 nodes to lay out on every level change.
import { memo } from 'preact/compat';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LEVEL_INFO, type CompetenceLevel } from '../../domain/rules/matrix';
import { OBJECTIVE_STATE_LABELS, OBJECTIVE_STATE_SYMBOLS, type ObjectiveState } from '../../domain/competences/objectives';
import type { Competence } from './data';
import {
  CELL, GRID_KEYS, HEAD_HEIGHT, NAME_WIDTH, OVERSCAN, gridWindow, moveCell, sameRange, scrollToShow, viewportOf,
  type GridKey, type Range, type Viewport,
} from './grid';

export interface CellView {
  level: CompetenceLevel;
  /** The self-assessment when it differs from the official level. */
  self: CompetenceLevel | null;
  objectiveTarget: number | null;
  objectiveState: ObjectiveState | null;
}

export interface GridMember { id: string; name: string }

export function cellLabel(name: string, competenceLabel: string, v: CellView): string {
  const parts = [`${name}, ${competenceLabel} : ${v.level} ${LEVEL_INFO[v.level].label}`];
  if (v.self !== null) parts.push(`auto-évaluation ${v.self} ${LEVEL_INFO[v.self].label}`);
  if (v.objectiveState !== null) parts.push(`objectif niveau ${v.objectiveTarget ?? ''} : ${OBJECTIVE_STATE_LABELS[v.objectiveState].toLowerCase()}`);
  return parts.join(' ; ');
}

// A cell is lean because layout, not script, was most of the time at CPU ×4 (measured: a span per
// mark, ::first-line or absolutely placed ::before/::after marks each cost more than the rest of
// the cell): one text node, « symbol [objective mark] ⏎ number », the words in the aria-label. The
// self-assessment mark « A3 » is generated content (an inline ::after from data-self): as text it
// would break label-in-name (WCAG 2.5.3, axe asks for « 2 A3 » inside the name), and the symbols
// and the number are already in the name's order. The .sr-only copy is `hidden` (no layout box): it is there for scripts and
// tests that read a cell's words, not for screen readers (they get the aria-label). Cells are plain
// elements (no component, no listener each: clicks are delegated to the grid); the row is the unit
// that re-renders.
function cell(col: number, name: string, competenceLabel: string, v: CellView, tabbable: boolean, key: string) {
  const label = cellLabel(name, competenceLabel, v);
  const mark = v.objectiveState !== null && v.objectiveState !== 'atteint' ? OBJECTIVE_STATE_SYMBOLS[v.objectiveState] : '';
  return (
    <div key={key} role="gridcell" aria-colindex={col + 2} class="mcell" style={`left:${NAME_WIDTH + col * CELL}px`}>
      <button
        type="button" tabIndex={tabbable ? 0 : -1} aria-label={label} data-testid="matrix-cell" class={`cell lvl-${v.level}${v.objectiveState === 'en_retard' ? ' late' : ''}`}
        data-self={v.self === null ? undefined : `A${v.self}`}
      >
        {`${LEVEL_INFO[v.level].symbol}${mark}\n${v.level}`}
        <span class="sr-only" hidden>{label}</span>
      </button>
    </div>
  );
}

interface RowProps {
  row: number;
  member: GridMember;
  competences: readonly Competence[];
  cols: readonly number[];
  /** The column of the tab stop when it is in this row, else -1. */
  activeCol: number;
  /** Changes when this row's levels changed (the salarié's levels object). */
  rowVersion: unknown;
  /** Changes when something every row shows changed (objectives, the day). */
  version: unknown;
  viewAt(salarieId: string, competenceId: string): CellView;
}

// A row re-renders only when its cells, its levels or the tab stop in it changed: after a level
// change, one row; after a scroll, the rows whose columns moved (viewAt is a new function at each
// change of any salarié, so it is left out of the comparison: rowVersion and version stand for it).
const Row = memo(function Row({ row, member, competences, cols, activeCol, viewAt }: RowProps) {
  return (
    <div role="row" aria-rowindex={row + 2} class="matrix-row" style={`top:${HEAD_HEIGHT + row * CELL}px`}>
      <div role="rowheader" aria-colindex={1} class="who"><a href={`#/salarie/${member.id}/parcours`}>{member.name}</a></div>
      {cols.map((c) => {
        const comp = competences[c]!;
        return cell(c, member.name, comp.label, viewAt(member.id, comp.id), c === activeCol, comp.id);
      })}
    </div>
  );
}, (a: RowProps, b: RowProps) => a.row === b.row && a.member === b.member && a.competences === b.competences && a.activeCol === b.activeCol
  && a.rowVersion === b.rowVersion && a.version === b.version && a.cols.length === b.cols.length && a.cols.every((c, i) => c === b.cols[i]));

const ColumnHeader = memo(function ColumnHeader({ col, competence }: { col: number; competence: Competence }) {
  const c = competence;
  return (
    <div role="columnheader" aria-colindex={col + 2} class="comp-head" style={`left:${NAME_WIDTH + col * CELL}px`} title={c.description}>
      <span class="comp-label">{c.pictogram !== '' && <span aria-hidden="true">{c.pictogram} </span>}{c.label}{c.safetyCritical && <span class="safety" title="Critique pour la sécurité"> ⚠<span class="sr-only"> (critique pour la sécurité)</span></span>}</span>
    </div>
  );
});

function indices(r: Range, extra: number | null): number[] {
  const out: number[] = [];
  if (extra !== null && extra < r.start) out.push(extra);
  for (let i = r.start; i < r.end; i++) out.push(i);
  if (extra !== null && extra >= r.end) out.push(extra);
  return out;
}

export function MatrixGrid({ members, competences, viewAt, rowVersion, version, onOpen, focusRequest }: {
  members: readonly GridMember[];
  competences: readonly Competence[];
  /** The cell's current view (levels, self-assessment, objective); called for rendered cells only. */
  viewAt(salarieId: string, competenceId: string): CellView;
  /** Changes when a salarié's levels changed: only that row renders again. */
  rowVersion(salarieId: string): unknown;
  /** Changes when what every row shows changed (objectives, the day). */
  version: unknown;
  onOpen(salarieId: string, name: string, competenceId: string): void;
  /** Changes when the cell panel closed: focus goes back to the active cell. */
  focusRequest: number;
}) {
  const rowCount = members.length;
  const colCount = competences.length;
  const scroller = useRef<HTMLDivElement>(null);
  const viewport = useRef<Viewport>(viewportOf(0, 0));
  // Overscan is added after the first paint: the first frame lays out only the cells in view.
  const [overscan, setOverscan] = useState(0);
  const [win, setWin] = useState(() => gridWindow(0, 0, viewport.current, rowCount, colCount, 0));
  // The box is measured before any cell is rendered, so the first frame has one layout, not two.
  const [measured, setMeasured] = useState(false);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [printAll, setPrintAll] = useState(false);
  const focusPending = useRef<{ row: number; col: number } | null>(null);

  // Recomputes the window from the box's scroll and size; renders only when it changed.
  const update = useCallback(() => {
    const el = scroller.current;
    if (el === null) return;
    const next = gridWindow(el.scrollTop, el.scrollLeft, viewport.current, rowCount, colCount, overscan);
    setWin((w) => (sameRange(w.rows, next.rows) && sameRange(w.cols, next.cols) ? w : next));
  }, [rowCount, colCount, overscan]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const measure = () => { viewport.current = viewportOf(el.clientWidth, el.clientHeight); update(); };
    measure();
    setMeasured(true);
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [update]);

  useEffect(() => {
    if (!measured || overscan === OVERSCAN) return;
    // After the frame with the visible cells has been painted (rAF, then a task).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => { timer = setTimeout(() => setOverscan(OVERSCAN), 0); }) : undefined;
    if (raf === undefined) timer = setTimeout(() => setOverscan(OVERSCAN), 0);
    return () => { if (raf !== undefined) cancelAnimationFrame(raf); if (timer !== undefined) clearTimeout(timer); };
  }, [measured, overscan]);

  useEffect(() => {
    const before = () => setPrintAll(true);
    const after = () => setPrintAll(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => { window.removeEventListener('beforeprint', before); window.removeEventListener('afterprint', after); };
  }, []);

  // A team or activity with fewer rows/columns: keep the active cell inside the grid.
  const at = { row: Math.min(active.row, Math.max(0, rowCount - 1)), col: Math.min(active.col, Math.max(0, colCount - 1)) };

  const focusActive = useCallback(() => {
    const el = scroller.current?.querySelector<HTMLButtonElement>(`[aria-rowindex="${at.row + 2}"] [aria-colindex="${at.col + 2}"] button`);
    el?.focus({ preventScroll: true });
  }, [at.row, at.col]);

  // Focus follows a key move once the target cell is rendered. The target, not a flag: an effect of
  // an earlier render may still be queued when the key arrives (effects run after paint).
  useEffect(() => {
    const want = focusPending.current;
    if (want === null || want.row !== at.row || want.col !== at.col) return;
    focusPending.current = null;
    focusActive();
  }, [focusActive]);

  const firstRequest = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest !== firstRequest.current) focusActive();
    // Only a new request moves focus here, not a move of the active cell (that has its own effect).
  }, [focusRequest]);

  // One listener for every cell: the row and column come from the ARIA indices.
  function onClick(e: MouseEvent) {
    const button = e.target instanceof Element ? e.target.closest('button.cell') : null;
    const gc = button?.parentElement;
    const rowEl = gc?.parentElement;
    if (gc == null || rowEl == null) return;
    const row = Number(rowEl.getAttribute('aria-rowindex')) - 2;
    const col = Number(gc.getAttribute('aria-colindex')) - 2;
    const m = members[row];
    const c = competences[col];
    if (m === undefined || c === undefined) return;
    setActive({ row, col });
    onOpen(m.id, m.name, c.id);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!GRID_KEYS.has(e.key) || !(e.target instanceof HTMLElement) || e.target.closest('[role="gridcell"]') === null) return;
    e.preventDefault();
    const vp = viewport.current;
    const bodyHeight = vp.height - HEAD_HEIGHT;
    const next = moveCell(at, e.key as GridKey, rowCount, colCount, Math.floor(bodyHeight / CELL) - 1, e.ctrlKey || e.metaKey);
    const el = scroller.current;
    if (el !== null) {
      const top = scrollToShow(next.row, el.scrollTop, bodyHeight, CELL);
      const left = scrollToShow(next.col, el.scrollLeft, vp.width - NAME_WIDTH, CELL);
      if (top !== el.scrollTop) el.scrollTop = top;
      if (left !== el.scrollLeft) el.scrollLeft = left;
      update();
    }
    focusPending.current = next;
    setActive(next);
  }

  const none = { start: 0, end: 0 };
  const rows = printAll ? { start: 0, end: rowCount } : measured ? win.rows : none;
  const cols = printAll ? { start: 0, end: colCount } : measured ? win.cols : none;
  const colIdx = indices(cols, null);
  const rowIdx = !measured && !printAll ? [] : indices(rows, at.row >= rows.start && at.row < rows.end ? null : at.row);

  return (
    <div class="matrix-scroll" ref={scroller} onScroll={update}>
      <div
        role="grid" class="matrix" aria-label="Niveaux par salarié et par compétence" aria-rowcount={rowCount + 1} aria-colcount={colCount + 1}
        style={`width:${NAME_WIDTH + colCount * CELL}px;height:${HEAD_HEIGHT + rowCount * CELL}px;--cell:${CELL}px;--name-w:${NAME_WIDTH}px;--head-h:${HEAD_HEIGHT}px`}
        onKeyDown={onKeyDown} onClick={onClick}
      >
        <div role="row" aria-rowindex={1} class="matrix-head">
          <div role="columnheader" aria-colindex={1} class="corner">Salarié</div>
          {colIdx.map((c) => { const comp = competences[c]!; return <ColumnHeader key={comp.id} col={c} competence={comp} />; })}
        </div>
        {rowIdx.map((r) => {
          const m = members[r]!;
          // A row outside the window is here only for the focused cell: render that cell alone.
          const inWindow = r >= rows.start && r < rows.end;
          const cs = !inWindow ? [at.col] : r === at.row && (at.col < cols.start || at.col >= cols.end) ? indices(cols, at.col) : colIdx;
          return <Row key={m.id} row={r} member={m} competences={competences} cols={cs} activeCol={r === at.row ? at.col : -1} rowVersion={rowVersion(m.id)} version={version} viewAt={viewAt} />;
        })}
      </div>
    </div>
  );
}
