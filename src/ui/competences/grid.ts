// The window logic of the matrice de positionnement, kept pure so it can be tested as a table
// (jsdom has no layout). The grid has fixed sizes — every cell CELL × CELL px, a name column and a
// header row of fixed size — so which rows and columns a scroll position shows is arithmetic,
// with no measuring of cells: only the scroll box is measured, and a default is used when it
// measures 0 (tests, a hidden tab).

/** A cell is a 52 px square: above the 44–48 px touch target, the same size as before windowing. */
export const CELL = 52;
/** The sticky first column (names), 11rem at the default font size, as before. */
export const NAME_WIDTH = 176;
/** The sticky header row (competence labels written vertically), 11rem as before. */
export const HEAD_HEIGHT = 176;
/** Rows and columns rendered beyond each edge, so a short scroll or an arrow key shows cells at once. */
export const OVERSCAN = 3;
/** The scroll box when it measures 0 (no layout): about a landscape tablet's matrix area. */
export const DEFAULT_VIEWPORT: Viewport = { width: 1024, height: 560 };

export interface Viewport { width: number; height: number }
/** Indices [start, end) of the rows or columns to render. */
export interface Range { start: number; end: number }

/**
 * The items of one axis to render: those intersecting [scroll, scroll + viewport) plus `overscan`
 * on each side, clamped to [0, count). `scroll` and `viewport` are measured over the scrolling
 * part only (the sticky header or name column already subtracted).
 */
export function visibleRange(scroll: number, viewport: number, cellSize: number, count: number, overscan: number): Range {
  if (count <= 0 || cellSize <= 0) return { start: 0, end: 0 };
  const s = Math.max(0, Number.isFinite(scroll) ? scroll : 0);
  const v = Math.max(0, Number.isFinite(viewport) ? viewport : 0);
  const first = Math.floor(s / cellSize);
  const last = Math.ceil((s + v) / cellSize); // exclusive
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, Math.max(start, last + overscan));
  return { start, end };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The scroll box's usable size: the measured one, or the default on a box with no layout. */
export function viewportOf(width: number, height: number): Viewport {
  return { width: width > 0 ? width : DEFAULT_VIEWPORT.width, height: height > 0 ? height : DEFAULT_VIEWPORT.height };
}

/** The rows and columns to render for a scroll position of the whole matrix box. */
export function gridWindow(scrollTop: number, scrollLeft: number, viewport: Viewport, rows: number, cols: number, overscan = OVERSCAN): { rows: Range; cols: Range } {
  return {
    rows: visibleRange(scrollTop, viewport.height - HEAD_HEIGHT, CELL, rows, overscan),
    cols: visibleRange(scrollLeft, viewport.width - NAME_WIDTH, CELL, cols, overscan),
  };
}

/**
 * The scroll offset (one axis) that brings item `index` fully into view, or the current one when
 * it already is: the least movement, as a browser's scrollIntoView({ block: 'nearest' }).
 */
export function scrollToShow(index: number, scroll: number, viewport: number, cellSize: number): number {
  const top = index * cellSize;
  const bottom = top + cellSize;
  if (top < scroll) return top;
  if (bottom > scroll + viewport) return Math.max(0, bottom - viewport);
  return scroll;
}

export type GridKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/** The cell an arrow key moves to (ARIA grid pattern; Ctrl+Home/End go to the corners). */
export function moveCell(at: { row: number; col: number }, key: GridKey, rows: number, cols: number, pageRows: number, ctrl = false): { row: number; col: number } {
  const clamp = (n: number, max: number) => Math.max(0, Math.min(max - 1, n));
  switch (key) {
    case 'ArrowUp': return { row: clamp(at.row - 1, rows), col: at.col };
    case 'ArrowDown': return { row: clamp(at.row + 1, rows), col: at.col };
    case 'ArrowLeft': return { row: at.row, col: clamp(at.col - 1, cols) };
    case 'ArrowRight': return { row: at.row, col: clamp(at.col + 1, cols) };
    case 'Home': return ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End': return ctrl ? { row: rows - 1, col: cols - 1 } : { row: at.row, col: cols - 1 };
    case 'PageUp': return { row: clamp(at.row - Math.max(1, pageRows), rows), col: at.col };
    case 'PageDown': return { row: clamp(at.row + Math.max(1, pageRows), rows), col: at.col };
  }
}

export const GRID_KEYS: ReadonlySet<string> = new Set<GridKey>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);
