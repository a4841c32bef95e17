// The relevé d'heures has one line per salarié and day. Its id is derived from both, so two
// tablets confirming the same day offline write the same record (merged field by field) rather
// than two lines that would double the hours. A UUID-shaped hash (version 8, « custom »).
function fnv1a32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function dayEntryId(salarieId: string, date: string): string {
  const text = `timeEntry|${salarieId}|${date}`;
  const hex = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((s) => fnv1a32(text, s).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
