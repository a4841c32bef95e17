// The one CSV reader of the domain (référentiel, salariés): RFC 4180 quoting, CRLF or LF, a
// leading UTF-8 BOM dropped. Each record keeps the physical line it starts on, because a quoted
// cell may hold a line break and the messages must name the line the user sees in the editor.
// A few dozen lines rather than a library: the files are small (a structure's people, its grid)
// and this is all Excel's « CSV (séparateur : point-virgule) » needs.

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** Split CSV text into records of cells, each with the line it starts on. */
export function splitCsvRecords(text: string, sep: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell); out.push({ line: start, cells: row }); row = []; cell = '';
      line++; start = line;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); out.push({ line: start, cells: row }); }
  return out;
}

/** The separator of a French or English export, from its first line: `;`, tab, else `,`. */
export function detectSeparator(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
}

/** A header or keyword as compared: no accents, no case, no punctuation or spaces. */
export function headerKey(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\([^)]*\)/g, '').replace(/[^a-z0-9]+/g, '');
}
