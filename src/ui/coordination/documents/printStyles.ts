// The printed documents' own stylesheet, rendered by DocumentsPage inside a <style> element so it
// is loaded with that screen only and the shared styles.css stays untouched. On paper: no app
// header, tabs, sync bar or controls (also hidden by styles.css's print rules, repeated here so a
// document never prints them), black table rules, no entry split across two pages.
export const DOCUMENT_CSS = `
.print-doc { background: #fff; padding: 1rem 1.25rem; border: 2px solid var(--line, #ccc); border-radius: var(--radius, 8px); margin-top: 1rem; }
.print-doc h2 { margin-top: 0.25rem; }
.print-doc h3 { margin: 1.25rem 0 0.5rem; }
.print-doc table { border-collapse: collapse; width: 100%; }
.print-doc th, .print-doc td { border: 1px solid var(--line, #ccc); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
.doc-head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 2rem; }
.doc-head p { margin: 0.1rem 0; }
.doc-entries { list-style: none; padding: 0; margin: 0; }
.doc-entries li { border-bottom: 1px solid var(--line, #ccc); padding: 0.5rem 0; }
.doc-text { white-space: pre-wrap; margin: 0.25rem 0 0; }
.doc-version { font-weight: 700; }
.doc-signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem 2rem; margin-top: 2rem; }
.doc-signatures div { min-height: 5rem; border-top: 1px solid #000; padding-top: 0.25rem; }
.doc-controls fieldset { border: 0; padding: 0; margin: 0 0 0.75rem; }
.doc-controls .choices { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
.doc-controls label.choice { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 44px; }
.doc-controls .dates { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
.doc-nav { display: flex; flex-wrap: wrap; gap: 0.5rem; }
@media print {
  .app-header, nav.tabs, .sync, .no-print, .update-prompt { display: none !important; }
  .print-doc { border: 0; padding: 0; margin: 0; }
  .print-doc th, .print-doc td { border: 1px solid #000; font-size: 10.5pt; }
  .print-doc tr, .doc-entries li, .doc-signatures { break-inside: avoid; }
  @page { margin: 15mm; }
}
`;
