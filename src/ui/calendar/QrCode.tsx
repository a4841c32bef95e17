// A QR code of the calendar address, so a phone's camera can take it from the tablet's screen.
// Drawn from uqr's module matrix as SVG rects in Preact (no innerHTML, no canvas): dark modules
// of a row are merged into runs, so an address of ~70 characters is a few hundred rects.
import { encode } from 'uqr';

interface Run { x: number; y: number; w: number }

function darkRuns(rows: readonly (readonly boolean[])[]): Run[] {
  const runs: Run[] = [];
  rows.forEach((row, y) => {
    let start = -1;
    for (let x = 0; x <= row.length; x++) {
      const dark = x < row.length && row[x] === true;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push({ x: start, y, w: x - start });
        start = -1;
      }
    }
  });
  return runs;
}

export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  // ecc M: still readable from a scratched or reflective tablet screen; border 4 is the quiet zone the standard asks.
  const { data, size: modules } = encode(text, { ecc: 'M', border: 4 });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shape-rendering="crispEdges"
      role="img"
      aria-label={label}
      class="calendar-qr"
    >
      <rect width={modules} height={modules} fill="#fff" />
      {darkRuns(data).map((r) => <rect key={`${r.x}-${r.y}`} x={r.x} y={r.y} width={r.w} height={1} fill="#000" />)}
    </svg>
  );
}
