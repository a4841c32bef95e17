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
//   Each cell is a focusable gridcell (data-testid="matrix-cell") that opens the EvaluationPanel, named by
//   its aria-label (see cell() below).
// - One tab stop (roving tabindex); Enter or Space opens the cell; arrows, Home/End (Ctrl for the corners) and PageUp/PageDown move
//   between cells, scrolling the box so the cell is in view. The active cell is always rendered,
//   even when scrolled out of the window, so keyboard focus is never dropped by a scroll.
// - Printing renders every cell (beforeprint), since a printout cannot scroll.
// Idle rendering of the remaining cells was not chosen: it would make later taps wait on chunks of
// work and the DOM would again hold ~15,000 nodes to lay out on every level change.
import { Component } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LEVEL_INFO, type CompetenceLevel } from '../../domain/rules/matrix';
import { OBJECTIVE_STATE_LABELS, type ObjectiveState } from '../../domain/competences/objectives';
import type { Competence } from '../../client/queries/competences';
import { TriangleAlert } from 'lucide';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
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

/** What the cell shows as text: the level, then « A » and the self-assessment when it differs. */
export function cellText(v: CellView): string {
  return v.self === null ? String(v.level) : `${v.level} A${v.self}`;
}

export function cellLabel(name: string, competenceLabel: string, v: CellView): string {
  const parts = [`${name}, ${competenceLabel} : ${v.level} ${LEVEL_INFO[v.level].label}`];
  if (v.self !== null) parts.push(`auto-évaluation ${v.self} ${LEVEL_INFO[v.self].label}`);
  if (v.objectiveState !== null) parts.push(`objectif niveau ${v.objectiveTarget ?? ''} : ${OBJECTIVE_STATE_LABELS[v.objectiveState].toLowerCase()}`);
  // The name holds the visible text (WCAG 2.5.3, label in name): « 2 A3 » is said last, after
  // the words it stands for; a lone level number is already in the first part.
  if (v.self !== null) parts.push(cellText(v));
  return parts.join(' ; ');
}

// A cell is one element and one text node, because the elements, not the script, were most of
// the time at CPU ×4 (measured in bench/competences.ts and a static variant of the grid: a div with
// a <button> and a hidden copy of the words cost about twice a single element; a ::after for the
// self-assessment, symbols as text (font fallback) and a per-cell inline position each cost more).
// So the cell is the gridcell itself, focusable (roving tabindex, ARIA grid pattern: Enter or Space
// opens it, as a tap does): its words are the aria-label, its text is « 3 A2 » (level, then the
// self-assessment when it differs), and the level's symbol (a Harvey ball, as ○◔◑◕● in the legend)
// and the objective's mark are CSS background images chosen by class (lvl-N, obj-STATE): pictograms,
// the number stays text. Clicks and keys are delegated to the grid; the row re-renders as a unit.
function cell(col: number, name: string, competenceLabel: string, v: CellView, tabbable: boolean, key: string, style?: string) {
  const mark = v.objectiveState !== null && v.objectiveState !== 'atteint' ? ` obj-${v.objectiveState}` : '';
  return (
    <div
      key={key} role="gridcell" aria-colindex={col + 2} tabIndex={tabbable ? 0 : -1} aria-label={cellLabel(name, competenceLabel, v)}
      data-testid="matrix-cell" class={`mc lvl-${v.level}${mark}${v.objectiveState === 'en_retard' ? ' late' : ''}`} style={style}
    >
      {cellText(v)}
    </div>
  );
}

interface RowProps {
  row: number;
  member: GridMember;
  competences: readonly Competence[];
  /** The window's columns, in flow. */
  cols: Range;
  /** A column outside the window rendered anyway (the focused cell), or -1. */
  extra: number;
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
// The window's cells are in flow (a flex row, so no inline style each: that would keep the browser
// from sharing their computed style), the first pushed to its column by a margin; the focused cell
// kept outside the window is placed absolutely.
function renderRow({ row, member, competences, cols, extra, activeCol, viewAt }: RowProps) {
  const one = (c: number, style?: string) => {
    const comp = competences[c]!;
    return cell(c, member.name, comp.label, viewAt(member.id, comp.id), c === activeCol, comp.id, style);
  };
  // One keyed list, so that a cell moving in or out of the window keeps its element (and focus).
  const cells: preact.JSX.Element[] = [];
  const outside = `position:absolute;left:${NAME_WIDTH + extra * CELL}px`;
  if (extra >= 0 && extra < cols.start) cells.push(one(extra, outside));
  for (let c = cols.start; c < cols.end; c++) cells.push(one(c, c === cols.start && c > 0 ? `margin-left:${c * CELL}px` : undefined));
  if (extra >= cols.end) cells.push(one(extra, outside));
  return (
    <div role="row" aria-rowindex={row + 2} class="matrix-row" style={`top:${HEAD_HEIGHT + row * CELL}px`}>
      <div role="rowheader" aria-colindex={1} class="who"><a href={`#/salarie/${member.id}/parcours`}>{member.name}</a></div>
      {cells}
    </div>
  );
}

const sameRow = (a: RowProps, b: RowProps) => a.row === b.row && a.member === b.member && a.competences === b.competences && a.activeCol === b.activeCol
  && a.rowVersion === b.rowVersion && a.version === b.version && sameRange(a.cols, b.cols) && a.extra === b.extra;

// Memoised by shouldComponentUpdate rather than preact/compat's memo: loading compat installs a
// hook on every vnode of the whole app (its React normalisations), measured in the week view's
// profile once « Aujourd'hui » had preloaded this screen.
class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean { return !sameRow(this.props, next); }
  override render() { return renderRow(this.props); }
}

function columnHeader({ col, competence }: { col: number; competence: Competence }) {
  const c = competence;
  return (
    <div role="columnheader" aria-colindex={col + 2} class="comp-head" style={`left:${NAME_WIDTH + col * CELL}px`} title={c.description ?? ''}>
      <span class="comp-label"><Pictogram name={c.pictogram} size={20} /> {c.label}{c.safetyCritical === true && <span class="safety" title="Critique pour la sécurité"> <Icon icon={TriangleAlert} size={16} /><span class="sr-only"> (critique pour la sécurité)</span></span>}</span>
    </div>
  );
}

class ColumnHeader extends Component<{ col: number; competence: Competence }> {
  override shouldComponentUpdate(next: { col: number; competence: Competence }): boolean { return next.col !== this.props.col || next.competence !== this.props.competence; }
  override render() { return columnHeader(this.props); }
}

/** The scroll box's size when a matrix was last measured (one per app: one screen, one size). */
let lastViewport: Viewport | null = null;

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
  const viewport = useRef<Viewport>(lastViewport ?? viewportOf(0, 0));
  // Overscan is added after the first paint: the first frame lays out only the cells in view.
  const [overscan, setOverscan] = useState(0);
  const [win, setWin] = useState(() => gridWindow(0, 0, viewport.current, rowCount, colCount, 0));
  // The first matrix shown measures its box before any cell is rendered, so that its first frame
  // has one layout, not two. Later ones start from the size last measured and render their cells
  // in the first pass; the observer's first report (after the frame's layout: no forced one)
  // corrects the window if the size changed (rotation, another screen).
  const [measured, setMeasured] = useState(lastViewport !== null);
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
    const measure = () => { viewport.current = lastViewport = viewportOf(el.clientWidth, el.clientHeight); update(); };
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    if (!measured || observer === null) { measure(); setMeasured(true); }
    if (observer === null) {
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    observer.observe(el);
    return () => observer.disconnect();
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
    // Not when this grid is kept built but hidden (ScreenStack): it is not printed.
    const before = () => { if (scroller.current?.closest('.kept') == null) setPrintAll(true); };
    const after = () => setPrintAll(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => { window.removeEventListener('beforeprint', before); window.removeEventListener('afterprint', after); };
  }, []);

  // A team or activity with fewer rows/columns: keep the active cell inside the grid.
  const at = { row: Math.min(active.row, Math.max(0, rowCount - 1)), col: Math.min(active.col, Math.max(0, colCount - 1)) };

  const focusActive = useCallback(() => {
    const el = scroller.current?.querySelector<HTMLElement>(`[aria-rowindex="${at.row + 2}"] [aria-colindex="${at.col + 2}"]`);
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
  function openCell(target: EventTarget | null): boolean {
    const gc = target instanceof Element ? target.closest('.mc[role="gridcell"]') : null;
    const rowEl = gc?.parentElement;
    if (gc == null || rowEl == null) return false;
    const row = Number(rowEl.getAttribute('aria-rowindex')) - 2;
    const col = Number(gc.getAttribute('aria-colindex')) - 2;
    const m = members[row];
    const c = competences[col];
    if (m === undefined || c === undefined) return false;
    setActive({ row, col });
    onOpen(m.id, m.name, c.id);
    return true;
  }

  function onClick(e: MouseEvent) {
    openCell(e.target);
  }

  function onKeyDown(e: KeyboardEvent) {
    // The cell is the control (no button inside): Enter and Space open it, as a tap does.
    if ((e.key === 'Enter' || e.key === ' ') && !e.repeat && openCell(e.target)) { e.preventDefault(); return; }
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
          const extra = r === at.row && (!inWindow || at.col < cols.start || at.col >= cols.end) ? at.col : -1;
          return <Row key={m.id} row={r} member={m} competences={competences} cols={inWindow ? cols : none} extra={extra} activeCol={r === at.row ? at.col : -1} rowVersion={rowVersion(m.id)} version={version} viewAt={viewAt} />;
        })}
      </div>
    </div>
  );
}
