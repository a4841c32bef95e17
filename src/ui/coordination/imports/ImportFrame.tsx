// The frame both imports share, around what differs (how a file is read, the preview's columns):
// the file input and the paste box, the result message, then the preview with the file's
// problems, the table of lines, and the « Importer » confirmation that writes ONE batch (all or
// nothing). `useImportFlow` holds the state of that sequence; each import keeps its own parsing,
// its own columns and its own sentences.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ImportProblem } from '../../../domain/imports/common';
import { batchErrorMessage, ProblemList, readChosenFile, toggled } from './ImportParts';

export interface ImportFlow {
  /** The text loaded or pasted; an empty text shows no preview. */
  text: string;
  /** The lines the person unticked. */
  left: ReadonlySet<number>;
  busy: boolean;
  msg: { ok: boolean; text: string } | null;
  /** A new text: the previous choices and result no longer apply. */
  load(text: string): void;
  toggle(key: number): void;
  /** Writes the batch once; on success the preview is emptied and `done` is said. */
  confirm(count: number, batch: () => Promise<void>, done: string): Promise<void>;
}

export function useImportFlow(): ImportFlow {
  const [text, setText] = useState('');
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<ImportFlow['msg']>(null);
  const load = (t: string) => { setText(t); setLeft(new Set()); setMsg(null); };
  return {
    text, left, busy, msg, load,
    toggle: (key) => setLeft(toggled(left, key)),
    async confirm(count, batch, done) {
      if (count === 0) return;
      setBusy(true);
      try {
        await batch();
        setMsg({ ok: true, text: done });
        setText(''); setLeft(new Set());
      } catch (e) {
        setMsg({ ok: false, text: batchErrorMessage(e) });
      } finally {
        setBusy(false);
      }
    },
  };
}

export function ImportFrame({ idPrefix, title, intro, fileLabel, accept, flow, fileProblems, headers, rows, before, after, confirmLabel, kept, onConfirm }: {
  /** Prefix of the ids (`<prefix>-title`, `-file`, `-text`): two frames share a page. */
  idPrefix: string;
  title: string;
  intro: ComponentChildren;
  fileLabel: string;
  accept: string;
  flow: ImportFlow;
  /** Null while there is nothing to preview. */
  fileProblems: readonly ImportProblem[] | null;
  headers: readonly string[];
  /** The preview's rows; no table when there are none. */
  rows: readonly ComponentChildren[];
  /** Said above the table (a warning on the whole file) and under it (what will be left out). */
  before?: ComponentChildren;
  after?: ComponentChildren;
  confirmLabel: string;
  kept: number;
  onConfirm(): void;
}) {
  const { msg } = flow;
  return (
    <section class="card" aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{title}</h3>
      <p class="hint">{intro}</p>
      <div class="field"><label for={`${idPrefix}-file`}>{fileLabel}</label><input id={`${idPrefix}-file`} type="file" accept={accept} onChange={(e) => void readChosenFile(e.currentTarget).then((t) => { if (t !== null) flow.load(t); })} /></div>
      <div class="field"><label for={`${idPrefix}-text`}>Ou collez le contenu</label><textarea id={`${idPrefix}-text`} value={flow.text} onInput={(e) => flow.load(e.currentTarget.value)} /></div>
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      {fileProblems !== null && (
        <div class="import-preview">
          <h4>Aperçu : rien n’est enregistré avant votre confirmation</h4>
          <ProblemList problems={fileProblems} />
          {before}
          {rows.length > 0 && (
            <div class="table-wrap">
              <table class="sheet">
                <thead><tr>{headers.map((h) => <th key={h}>{h}</th>)}</tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
          )}
          {after}
          <div class="actions">
            <button type="button" disabled={flow.busy || kept === 0} onClick={onConfirm}>{confirmLabel}</button>
            <button type="button" class="secondary" onClick={() => flow.load('')}>Annuler</button>
          </div>
        </div>
      )}
    </section>
  );
}
