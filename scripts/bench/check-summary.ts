/** The last lines of a command's output, indented, for an error message. */
export function tail(text: string, lines = 15): string {
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((l) => `    ${l}`)
    .join('\n');
}

/** Summarises `check --format json` output: the counts, and the most frequent codes when there are errors. */
export function summariseCheck(stdout: string): { note: string; details: string } {
  let parsed: {
    errors?: number;
    warnings?: number;
    diagnostics?: { file?: string; line?: number; column?: number; severity?: string; code?: string; message?: string }[];
  };
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    return { note: 'stdout is not the JSON of --format json', details: tail(stdout, 5) };
  }
  const note = `${parsed.errors ?? '?'} errors, ${parsed.warnings ?? '?'} warnings`;
  const diagnostics = parsed.diagnostics ?? [];
  if (diagnostics.length === 0) return { note, details: '' };
  const byCode = new Map<string, { count: number; first: string }>();
  for (const d of diagnostics) {
    const key = `${d.severity ?? '?'} ${d.code ?? '?'}`;
    const entry = byCode.get(key) ?? { count: 0, first: `${d.file ?? '?'}:${d.line ?? '?'}:${d.column ?? '?'} ${d.message ?? ''}` };
    entry.count++;
    byCode.set(key, entry);
  }
  const details = [...byCode]
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 12)
    .map(([key, { count, first }]) => `    ${key} ×${count}, e.g. ${first}`)
    .join('\n');
  return { note, details };
}
