// Hands a file to the browser's download (an <a download> on an object URL), and makes a file
// name from a French label. Kept apart so the badge screens share one way to save.
export function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** « Tailler une haie » → « tailler-une-haie ». */
export function fileSlug(label: string): string {
  return label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'badge';
}
