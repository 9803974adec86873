import { labelOf, type CommandResult } from './results.ts';
import { formatTable, mb, percent } from './report-table.ts';
import { medianFigures } from './stage-figures.ts';
import { median } from './stats.ts';

/** The contract cache's hits and misses of each run, or why there are none. */
export function formatCache(result: CommandResult): string {
  const stats = result.timings.map((t) => t.cache);
  if (stats.every((c) => c === undefined)) return 'cache: no figures in the timings file (a CLI without a cache, or one that does not report it)';
  const perRun = stats.map((c) => (c ? `${c.hits}/${c.misses}` : '—')).join(' ');
  const hits = median(stats.map((c) => c?.hits ?? Number.NaN).filter((v) => !Number.isNaN(v)));
  const misses = median(stats.map((c) => c?.misses ?? Number.NaN).filter((v) => !Number.isNaN(v)));
  return `cache: ${hits} hits, ${misses} misses (median; hits/misses per run: ${perRun})`;
}

/** One table per command: each stage's median time, count, memory and CPU share, then the cache line. */
export function formatStages(results: readonly CommandResult[]): string {
  return results
    .map((result) => {
      const figures = medianFigures(result);
      const rows = [['stage', 'ms (median)', 'count', 'peak MB at end (CLI)', 'peak MB, all processes', 'CPU, all processes']];
      for (const f of figures)
        rows.push([
          f.besideMs === undefined ? f.stage : `${f.stage} (the wait; ${(f.besideMs / 1000).toFixed(1)} s before, beside)`,
          f.ms.toFixed(1),
          f.count === undefined ? '' : String(f.count),
          mb(f.peakMB ?? Number.NaN),
          mb(f.treePeakMB),
          percent(f.cpuPercent),
        ]);
      const staged = median(result.timings.map((t) => t.stages.reduce((sum, stage) => sum + stage.ms, 0)));
      const outside = median(result.runs.map((r) => r.wallSeconds * 1000)) - staged;
      rows.push(['sum of stages', staged.toFixed(1), '', '', '', '']);
      rows.push(['outside the stages (start, exit)', outside.toFixed(1), '', '', '', '']);
      const runs = `${result.runs.length} run${result.runs.length > 1 ? 's' : ''}`;
      return `${labelOf(result)}, median of ${runs}:\n${formatTable(rows)}\n${formatCache(result)}`;
    })
    .join('\n\n');
}
