export type Cell = string | number | boolean | null;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return: a file, model or category name can) is neutralised as OWASP recommends, with a leading `'`
 * and quotes. Numbers, negative ones included, stay numbers.
 */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return text !== v || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: the header, then one line per row, every cell through {@link csvCell}, CRLF line ends. */
export function csv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
