// The window arithmetic of the matrix grid, as tables: which rows/columns a scroll position
// renders, the scroll that shows a cell, and the cell an arrow key moves to. (jsdom has no layout,
// so this is where the windowing is checked against real numbers.)
import { describe, expect, it } from 'vitest';
import { CELL, DEFAULT_VIEWPORT, HEAD_HEIGHT, NAME_WIDTH, gridWindow, moveCell, scrollToShow, viewportOf, visibleRange, type GridKey } from '../../../src/ui/competences/grid';

describe('visibleRange(scroll, viewport, cellSize, count, overscan)', () => {
  it.each([
    // scroll, viewport, cell, count, overscan → start, end
    [0, 520, 52, 30, 0, 0, 10],
    [0, 520, 52, 30, 3, 0, 13],
    [26, 520, 52, 30, 0, 0, 11], // half a row scrolled: the row cut at each edge is rendered
    [52 * 10, 520, 52, 30, 3, 7, 23],
    [52 * 25, 520, 52, 30, 3, 22, 30], // clamped at the end
    [52 * 40, 520, 52, 30, 3, 30, 30], // scrolled past the end (shrunk list): nothing beyond
    [0, 0, 52, 30, 3, 0, 3],
    [0, 520, 52, 0, 3, 0, 0],
    [-40, 520, 52, 30, 0, 0, 10], // elastic overscroll above the top
    [Number.NaN, 520, 52, 30, 0, 0, 10],
    [0, 520, 0, 30, 3, 0, 0],
    [0, 5000, 52, 60, 3, 0, 60],
  ])('scroll %d, viewport %d, cell %d, count %d, overscan %d → [%d, %d)', (scroll, viewport, cell, count, overscan, start, end) => {
    expect(visibleRange(scroll, viewport, cell, count, overscan)).toEqual({ start, end });
  });
});

describe('gridWindow', () => {
  it('subtracts the sticky header row and name column from the box', () => {
    const vp = { width: NAME_WIDTH + 10 * CELL, height: HEAD_HEIGHT + 5 * CELL };
    expect(gridWindow(0, 0, vp, 30, 60, 0)).toEqual({ rows: { start: 0, end: 5 }, cols: { start: 0, end: 10 } });
    expect(gridWindow(2 * CELL, 50 * CELL, vp, 30, 60, 1)).toEqual({ rows: { start: 1, end: 8 }, cols: { start: 49, end: 60 } });
  });

  it('falls back to a default box when the measured one is 0 (no layout)', () => {
    expect(viewportOf(0, 0)).toEqual(DEFAULT_VIEWPORT);
    expect(viewportOf(800, 0)).toEqual({ width: 800, height: DEFAULT_VIEWPORT.height });
    expect(viewportOf(800, 400)).toEqual({ width: 800, height: 400 });
    const w = gridWindow(0, 0, viewportOf(0, 0), 30, 60);
    expect(w.rows.end).toBeGreaterThan(0);
    expect(w.cols.end).toBeGreaterThan(0);
    expect(w.rows.end * w.cols.end).toBeLessThan(30 * 60);
  });
});

describe('scrollToShow(index, scroll, viewport, cell)', () => {
  it.each([
    [0, 0, 260, 52, 0], // in view: no move
    [4, 0, 260, 52, 0], // last full row in view
    [5, 0, 260, 52, 52], // just below: scroll by one row
    [20, 0, 260, 52, 20 * 52 + 52 - 260],
    [2, 300, 260, 52, 104], // above: scroll up to its top
  ])('item %d from scroll %d (viewport %d, cell %d) → %d', (index, scroll, viewport, cell, expected) => {
    expect(scrollToShow(index, scroll, viewport, cell)).toBe(expected);
  });
});

describe('moveCell', () => {
  it.each<[GridKey, boolean, number, number]>([
    ['ArrowDown', false, 6, 10],
    ['ArrowUp', false, 4, 10],
    ['ArrowLeft', false, 5, 9],
    ['ArrowRight', false, 5, 11],
    ['Home', false, 5, 0],
    ['End', false, 5, 59],
    ['Home', true, 0, 0],
    ['End', true, 29, 59],
    ['PageDown', false, 13, 10],
    ['PageUp', false, 0, 10],
  ])('%s (ctrl %s) from row 5, col 10 → row %d, col %d', (key, ctrl, row, col) => {
    expect(moveCell({ row: 5, col: 10 }, key, 30, 60, 8, ctrl)).toEqual({ row, col });
  });

  it('stays inside the grid at its edges', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 30, 60, 8)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowLeft', 30, 60, 8)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 29, col: 59 }, 'ArrowDown', 30, 60, 8)).toEqual({ row: 29, col: 59 });
    expect(moveCell({ row: 29, col: 59 }, 'ArrowRight', 30, 60, 8)).toEqual({ row: 29, col: 59 });
    expect(moveCell({ row: 27, col: 0 }, 'PageDown', 30, 60, 8)).toEqual({ row: 29, col: 0 });
  });
});
