import type { SearchWeight } from './search-weight.ts';
import { labelOf, medians, type CommandResult } from './results.ts';
import { formatTable, kb, mb, percent, s as seconds } from './report-table.ts';
import { median } from './stats.ts';

const MB = 2 ** 20;

/** One row per command: wall time (median and each run), peak RSS of all processes and of the largest, CPU share, cache, outcome. */
export function formatCommands(results: readonly CommandResult[]): string {
  const rows = [
    [
      'command',
      'wall (median)',
      'wall per run',
      'peak RSS, all processes',
      'per run',
      'largest process (time -v)',
      'self-reported',
      'CPU',
      'cache hits/misses',
      'outcome',
    ],
  ];
  for (const r of results) {
    const m = medians(r);
    const cache = r.timings.map((t) => t.cache);
    rows.push([
      labelOf(r),
      seconds(m.seconds),
      r.runs.map((x) => x.wallSeconds.toFixed(2)).join(' '),
      mb(m.treeRssMB),
      r.runs.map((x) => x.treeRssMB.toFixed(0)).join(' '),
      mb(m.rssMB),
      mb(median(r.timings.map((t) => t.maxRssMB ?? Number.NaN))),
      percent(median(r.runs.map((x) => x.cpuPercent))),
      cache.some((c) => c !== undefined) ? cache.map((c) => (c ? `${c.hits}/${c.misses}` : '—')).join(' ') : '—',
      r.note,
    ]);
  }
  return formatTable(rows);
}

/** The size of a build's output, in total and per API. */
export function formatOutput(output: NonNullable<CommandResult['output']>, apis: number): string {
  const lines = [
    `build output: ${(output.total.bytes / MB).toFixed(1)} MB in ${output.total.files} files, ${kb(output.total.bytes / apis)} per API (whole output / ${apis})`,
  ];
  const sizes = [...output.perApi.values()].map((d) => d.bytes);
  if (sizes.length > 0) {
    const [largestId, largest] = [...output.perApi].reduce((a, b) => (b[1].bytes > a[1].bytes ? b : a));
    lines.push(`apis/<id>/ folders: ${sizes.length}, median ${kb(median(sizes))}, largest ${kb(largest.bytes)} (apis/${largestId}/)`);
  }
  const pages = output.apiPages;
  if (pages.length > 0) {
    const largest = pages.reduce((a, b) => (b.htmlBytes > a.htmlBytes ? b : a));
    lines.push(
      `API pages: HTML median ${kb(median(pages.map((p) => p.htmlBytes)))} (gzip ${kb(median(pages.map((p) => p.htmlGzipBytes)))}), largest ${kb(largest.htmlBytes)} (${largest.page})`,
      `JavaScript an API page loads before try-it is opened: median ${kb(median(pages.map((p) => p.jsBytes)))}; try-it code among it on ${pages.filter((p) => p.loadsTryIt).length} of ${pages.length} pages`,
    );
  }
  if (output.tryIt) {
    lines.push(
      `try-it console, loaded when opened from one shared URL: ${kb(output.tryIt.entryBytes)} entry module, ${kb(output.tryIt.chunkBytes)} of chunks loaded on demand`,
    );
  }
  return lines.join('\n');
}

/** Issue 6's search targets: the index stage at most 20% of the build, the first query at most 100 KB transferred. */
export function formatSearch(searches: readonly SearchWeight[], build: CommandResult): string {
  const indexShare = median(build.timings.map((t) => (t.stages.find((stage) => stage.stage === 'index')?.ms ?? 0) / 1000)) / medians(build).seconds;
  const verdictOf = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const index = searches[0]!.index;
  return [
    `search index: ${(index.bytes / MB).toFixed(1)} MB in ${index.files} files; index stage ${(indexShare * 100).toFixed(0)}% of the build (target ≤ 20%: ${verdictOf(indexShare <= 0.2)})`,
    ...searches.map(
      (search) =>
        `first query, ${search.entry} ("${search.query}" in the dialog of the home page): ${search.requests} requests, ${kb(search.rawBytes)} as stored, ${kb(search.transferredBytes)} transferred with gzip (target ≤ 100 KB: ${verdictOf(search.transferredBytes <= 100 * 1024)}), ${search.results} results`,
    ),
  ].join('\n');
}
