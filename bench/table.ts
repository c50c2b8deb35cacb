/**
 * Plain-text tables with aligned columns: numbers right-aligned with a fixed number of decimals per
 * column, text left-aligned, a missing value shown as "-".
 */
export type Cell = string | number | undefined;

/** A header, or a header with the decimals its numbers get (default: 2 below 100, else 0). */
export type Column = string | { header: string; decimals: number };

export function formatTable(title: string, columns: Column[], rows: Cell[][]): string {
  const headers = columns.map((c) => (typeof c === 'string' ? c : c.header));
  const text = rows.map((row) => columns.map((c, i) => cellText(row[i], typeof c === 'string' ? undefined : c.decimals)));
  const numeric = columns.map((_, i) => rows.every((row) => row[i] === undefined || typeof row[i] === 'number'));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [title, line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

function cellText(value: Cell, decimals: number | undefined): string {
  if (value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '-';
  return value.toFixed(decimals ?? (Math.abs(value) < 100 && !Number.isInteger(value) ? 2 : 0));
}
