// No pictogram may rest on a font: every emoji (Unicode Extended_Pictographic) and every arrow,
// check mark, ballot box or warning sign written as text is an empty box on a tablet without an
// emoji or symbol font (Debian's Chromium, many cheap Android tablets). Screens draw SVG icons
// (ui/icons) instead. This scans the sources the screens and the stored records come from
// (ui, domain, the demo data) and names each offending file:line. Plain punctuation such as
// « — » and « · » is fine. Arrows in comments are prose (`a → b`), so only code is checked for
// them; an emoji is refused anywhere, comments included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SCANNED = ['src/ui', 'src/domain', 'src/server/demo'];
const EXTENSIONS = /\.(ts|tsx|css|html|json)$/;

const EMOJI = /\p{Extended_Pictographic}/u;
/** Arrows (U+2190–21FF, U+27F0–27FF, U+2900–297F, U+2B00–2BFF), check and cross marks, ballot boxes, ⚠ ⛔. */
const SYMBOL = /[\u2190-\u21FF\u27F0-\u27FF\u2900-\u297F\u2B00-\u2BFF\u2713-\u2718\u2610-\u2612\u26A0\u26D4]/u;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : EXTENSIONS.test(name) ? [path] : [];
  });
}

/** The source with its comments blanked (line breaks kept, so line numbers stay right). */
export function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (_m, before: string) => before);
}

export function offendingLines(text: string): { line: number; text: string }[] {
  const code = withoutComments(text).split('\n');
  return text.split('\n').flatMap((line, i) => (EMOJI.test(line) || SYMBOL.test(code[i] ?? '') ? [{ line: i + 1, text: line.trim() }] : []));
}

describe('no emoji nor font-dependent symbol in the sources', () => {
  it('finds what it looks for, and leaves comments and plain punctuation alone', () => {
    expect(offendingLines("const a = '\u{1F331}';")).toHaveLength(1);
    expect(offendingLines('<span>\u2714 fait</span>')).toHaveLength(1);
    expect(offendingLines("label: '\u2190 Retour'")).toHaveLength(1);
    expect(offendingLines("x = '\u26A0\uFE0F Attention'")).toHaveLength(1);
    expect(offendingLines('// exitCategory \u2192 exitKind\nconst a = 1;')).toEqual([]);
    expect(offendingLines('/* a \u2192 b\n  c \u2192 d */ const a = 1;')).toEqual([]);
    expect(offendingLines("const t = `${a} \u00b7 ${b} \u2014 \u00ab c \u00bb`;")).toEqual([]);
    expect(offendingLines("// a \u{1F331} in a comment is still an emoji")).toHaveLength(1);
  });

  it('src/ui, src/domain and src/server/demo draw pictograms as SVG only', () => {
    const found = SCANNED.flatMap((dir) => filesUnder(join(ROOT, dir)))
      .flatMap((file) => offendingLines(readFileSync(file, 'utf8')).map((o) => `${relative(ROOT, file)}:${o.line}: ${o.text.slice(0, 120)}`));
    expect(found, `emoji or symbols as pictograms — draw them with ui/icons (Icon, Pictogram):\n${found.join('\n')}`).toEqual([]);
  });
});
