// Dragging a cell of the week grid onto another (the rule of a drop is src/domain/production/
// dropPlan.ts). A mouse drags as soon as it moves; a finger must first rest on the cell (a long
// press), because a finger that moves at once is scrolling the page, and a drag must not steal
// that. Listeners are delegated (the table's, the document's), so cells carry no handler, and the
// ghost and the highlighted target move by direct DOM writes: a drag re-renders the grid twice,
// at its start and at its end, not at every move. Tapping stays the way to assign: dragging is a
// shortcut, and cells without a plan (or a day the person cannot work) are not drag sources.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface CellRef { salarieId: string; date: string }

/** How long a finger rests before the cell lifts, and how far it may slip meanwhile. */
export const LONG_PRESS_MS = 350;
const SLOP_PX = 8;
/** Near the top or bottom of the screen, a held cell scrolls the page (a team is taller than a tablet). */
const EDGE_PX = 56;
const EDGE_STEP_PX = 12;

interface Gesture {
  from: CellRef;
  source: HTMLElement;
  label: string;
  x0: number;
  y0: number;
  touch: boolean;
  started: boolean;
  over: HTMLElement | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Where the pointer is now, and the frame loop that scrolls at the edges. */
  x: number;
  y: number;
  frame: number | undefined;
}

const cellOf = (el: Element | null): HTMLElement | null => el?.closest<HTMLElement>('[data-cell]') ?? null;

function refOf(cell: HTMLElement | null): CellRef | null {
  const key = cell?.dataset['cell'];
  const bar = key?.indexOf('|') ?? -1;
  return key === undefined || bar < 0 ? null : { salarieId: key.slice(0, bar), date: key.slice(bar + 1) };
}

export function useCellDrag(onDrop: (from: CellRef, to: CellRef) => void) {
  const [dragging, setDragging] = useState<{ label: string; x: number; y: number } | null>(null);
  const ghost = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const clickBlockedUntil = useRef(0);
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;

  // Plain functions over refs: the listeners registered once below may call them from any render.
  const edgeScroll = (g: Gesture) => {
    if (gesture.current !== g || !g.started) return;
    const dy = g.y > window.innerHeight - EDGE_PX ? EDGE_STEP_PX : g.y < EDGE_PX ? -EDGE_STEP_PX : 0;
    if (dy !== 0) {
      window.scrollBy(0, dy);
      target(g);
    }
    g.frame = requestAnimationFrame(() => edgeScroll(g));
  };
  const begin = (g: Gesture, x: number, y: number) => {
    g.started = true;
    g.source.classList.add('drag-source');
    setDragging({ label: g.label, x, y });
    if (g.touch) navigator.vibrate?.(15);
    g.frame = requestAnimationFrame(() => edgeScroll(g));
  };
  const follow = (g: Gesture, x: number, y: number) => {
    g.x = x;
    g.y = y;
    if (ghost.current !== null) ghost.current.style.transform = `translate(${x + 14}px, ${y + 14}px)`;
    target(g);
  };
  /** Highlights the cell under the pointer. */
  const target = (g: Gesture) => {
    const over = cellOf(document.elementFromPoint(g.x, g.y));
    if (over === g.over) return;
    g.over?.classList.remove('drop-over');
    if (over !== null && over !== g.source) over.classList.add('drop-over');
    g.over = over;
  };
  const end = (g: Gesture) => {
    clearTimeout(g.timer);
    if (g.frame !== undefined) cancelAnimationFrame(g.frame);
    g.source.classList.remove('drag-source');
    g.over?.classList.remove('drop-over');
    gesture.current = null;
    if (g.started) setDragging(null);
  };
  const finish = (g: Gesture, x: number, y: number) => {
    end(g);
    if (!g.started) return;
    // The click that follows the release must not also select the cell under it.
    clickBlockedUntil.current = performance.now() + 400;
    const to = refOf(cellOf(document.elementFromPoint(x, y)));
    if (to !== null && (to.salarieId !== g.from.salarieId || to.date !== g.from.date)) dropRef.current(g.from, to);
  };

  // A layout effect: the grid is draggable from its first paint, not one frame later.
  useLayoutEffect(() => {
    const onPointerMove = (e: PointerEvent) => {
      const g = gesture.current;
      if (g === null || g.touch) return;
      if (!g.started && Math.hypot(e.clientX - g.x0, e.clientY - g.y0) < SLOP_PX) return;
      if (!g.started) begin(g, e.clientX, e.clientY);
      follow(g, e.clientX, e.clientY);
    };
    const onPointerUp = (e: PointerEvent) => {
      const g = gesture.current;
      if (g !== null && !g.touch) finish(g, e.clientX, e.clientY);
    };
    const onTouchMove = (e: TouchEvent) => {
      const g = gesture.current;
      const t = e.touches[0];
      if (g === null || !g.touch || t === undefined) return;
      if (!g.started) {
        // Moving before the long press: the finger is scrolling, not dragging.
        if (Math.hypot(t.clientX - g.x0, t.clientY - g.y0) >= SLOP_PX) end(g);
        return;
      }
      e.preventDefault();
      follow(g, t.clientX, t.clientY);
    };
    const onTouchEnd = (e: TouchEvent) => {
      const g = gesture.current;
      const t = e.changedTouches[0];
      if (g === null || !g.touch) return;
      if (g.started) e.preventDefault(); // no click after a drop
      finish(g, t?.clientX ?? g.x0, t?.clientY ?? g.y0);
    };
    const onCancel = () => { if (gesture.current !== null) end(gesture.current); };
    const onContextMenu = (e: Event) => { if (gesture.current?.touch === true) e.preventDefault(); };

    document.addEventListener('pointermove', onPointerMove);
    document.addEventListener('pointerup', onPointerUp);
    document.addEventListener('pointercancel', onCancel);
    // Not passive: once a drag has started, its moves must not scroll the page.
    document.addEventListener('touchmove', onTouchMove, { passive: false });
    document.addEventListener('touchend', onTouchEnd, { passive: false });
    document.addEventListener('touchcancel', onCancel);
    document.addEventListener('contextmenu', onContextMenu);
    return () => {
      onCancel();
      document.removeEventListener('pointermove', onPointerMove);
      document.removeEventListener('pointerup', onPointerUp);
      document.removeEventListener('pointercancel', onCancel);
      document.removeEventListener('touchmove', onTouchMove);
      document.removeEventListener('touchend', onTouchEnd);
      document.removeEventListener('touchcancel', onCancel);
      document.removeEventListener('contextmenu', onContextMenu);
    };
  }, []);

  /** Where a gesture may start: a cell marked draggable (data-drag holds the ghost's text). */
  function startAt(target: EventTarget | null, x: number, y: number, touch: boolean): Gesture | null {
    const source = target instanceof Element ? cellOf(target) : null;
    const from = refOf(source);
    const label = source?.dataset['drag'];
    if (source === null || from === null || label === undefined) return null;
    return { from, source, label, x0: x, y0: y, touch, started: false, over: null, timer: undefined, x, y, frame: undefined };
  }

  return {
    dragging,
    ghost,
    onPointerDown(e: PointerEvent) {
      if (e.pointerType === 'touch' || e.button !== 0) return;
      clickBlockedUntil.current = 0; // a new press: its click is its own
      gesture.current = startAt(e.target, e.clientX, e.clientY, false);
    },
    onTouchStart(e: TouchEvent) {
      const t = e.touches[0];
      if (e.touches.length !== 1 || t === undefined) { if (gesture.current !== null) end(gesture.current); return; }
      clickBlockedUntil.current = 0;
      const g = startAt(e.target, t.clientX, t.clientY, true);
      gesture.current = g;
      if (g !== null) g.timer = setTimeout(() => { if (gesture.current === g) begin(g, g.x0, g.y0); }, LONG_PRESS_MS);
    },
    /** True right after a drop: the cell's click handler then does nothing. */
    clickBlocked(): boolean {
      return performance.now() < clickBlockedUntil.current;
    },
  };
}
