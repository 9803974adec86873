/** Seconds with two decimals. */
export const s = (seconds: number): string => `${seconds.toFixed(2)} s`;
/** Whole MB, or a dash when unknown. */
export const mb = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} MB` : '—');
/** Bytes as KB with one decimal. */
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
/** A CPU share, or a dash when unknown. */
export const percent = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)}%` : '—');

/** Lays out rows as left-aligned columns separated by two spaces. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] as number)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
