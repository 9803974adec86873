/** The 1-based column where each cell of a raw CSV record starts, quotes understood (`""` inside quotes is one quote). */
export function cellColumns(raw: string): number[] {
  const starts = [1];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) starts.push(i + 2);
    else if ((char === '\n' || char === '\r') && !quoted) break;
  }
  return starts;
}
