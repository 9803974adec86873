import type { SearchWeight } from './search-weight.ts';
import { API_PAGE_KB, BUDGETS, OUTPUT_PER_API_KB, PER_EXTRA_API, verdict } from './budgets.ts';
import type { DirSize } from './dir-size.ts';
import type { Measured } from './measure.ts';
import type { PageWeight, weighTryIt } from './page-weight.ts';
import { median } from './stats.ts';
import { STAGE_ORDER, sumByStage, type Timings } from './timings.ts';

/** Everything measured for one CLI command over all its runs. */
export interface CommandResult {
  command: 'check' | 'build';
  runs: Measured[];
  timings: Timings[];
  /** e.g. "0 errors, 2 warnings", or why the figures are suspect. */
  note: string;
  /** For build: the whole output folder, each `apis/<id>/` folder and API page, and the try-it bundle, of the last run. */
  output?: { total: DirSize; perApi: Map<string, DirSize>; apiPages: PageWeight[]; tryIt: ReturnType<typeof weighTryIt>; search: SearchWeight[] };
}

const MB = 2 ** 20;
const s = (seconds: number): string => `${seconds.toFixed(2)} s`;
const mb = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} MB` : '—');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

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

/** The median wall time and peak RSS of a command. */
export function medians(result: CommandResult): { seconds: number; rssMB: number } {
  return { seconds: median(result.runs.map((r) => r.wallSeconds)), rssMB: median(result.runs.map((r) => r.maxRssMB)) };
}

/** One row per command: wall time (median and each run), peak RSS, CPU share, outcome. */
export function formatCommands(results: readonly CommandResult[]): string {
  const rows = [['command', 'wall (median)', 'wall per run', 'peak RSS (median)', 'RSS per run', 'self-reported RSS', 'CPU', 'outcome']];
  for (const r of results) {
    const m = medians(r);
    rows.push([
      r.command,
      s(m.seconds),
      r.runs.map((x) => x.wallSeconds.toFixed(2)).join(' '),
      mb(m.rssMB),
      r.runs.map((x) => x.maxRssMB.toFixed(0)).join(' '),
      mb(median(r.timings.map((t) => t.maxRssMB ?? Number.NaN))),
      `${median(r.runs.map((x) => x.cpuPercent)).toFixed(0)}%`,
      r.note,
    ]);
  }
  return formatTable(rows);
}

/** One row per stage: median ms and item count for each command. */
export function formatStages(results: readonly CommandResult[]): string {
  const perRun = results.map((r) => r.timings.map(sumByStage));
  const names = [...STAGE_ORDER] as string[];
  for (const runs of perRun) for (const run of runs) for (const name of run.keys()) if (!names.includes(name)) names.push(name);
  const rows = [['stage', ...results.flatMap((r) => [`${r.command} ms (median)`, 'count'])]];
  for (const name of names) {
    if (!perRun.some((runs) => runs.some((run) => run.has(name)))) continue;
    rows.push([
      name,
      ...perRun.flatMap((runs) => {
        const present = runs.map((run) => run.get(name)).filter((v) => v !== undefined);
        if (present.length === 0) return ['—', ''];
        const count = present[0]?.count;
        return [median(present.map((v) => v.ms)).toFixed(1), count === undefined ? '' : String(count)];
      }),
    ]);
  }
  rows.push(['sum of stages', ...perRun.flatMap((runs) => [median(runs.map((run) => [...run.values()].reduce((t, v) => t + v.ms, 0))).toFixed(1), ''])]);
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

/** The budgets of performance.md next to the figures, with a verdict each. */
export function formatBudgets(results: readonly CommandResult[], apis: number): string {
  const rows = [['budget (performance.md)', 'limit', `measured at ${apis} APIs`, 'verdict']];
  for (const budget of BUDGETS) {
    const result = results.find((r) => r.command === budget.command);
    const limit = `≤ ${budget.seconds} s, ≤ ${budget.rssMB >= 1024 ? `${(budget.rssMB / 1024).toFixed(1)} GB` : `${budget.rssMB} MB`}`;
    if (!result) {
      rows.push([budget.label, limit, '—', `not measured: run --apis ${budget.apis} --build`]);
      continue;
    }
    const m = medians(result);
    rows.push([budget.label, limit, `${s(m.seconds)}, ${mb(m.rssMB)}`, verdict(budget, apis, m.seconds, m.rssMB)]);
  }
  const build = results.find((r) => r.command === 'build');
  if (build?.output) {
    const sizes = [...build.output.perApi.values()].map((d) => d.bytes);
    const worst = sizes.length > 0 ? Math.max(...sizes) : build.output.total.bytes / apis;
    const what = sizes.length > 0 ? 'largest apis/<id>/' : 'whole output / APIs';
    rows.push([
      'output per API, shared assets aside',
      `≤ ${OUTPUT_PER_API_KB} KB`,
      `${kb(worst)} (${what})`,
      worst <= OUTPUT_PER_API_KB * 1024 ? 'met' : 'MISSED',
    ]);
  }
  const pages = build?.output?.apiPages ?? [];
  if (pages.length > 0) {
    const typical = median(pages.map((p) => p.htmlBytes));
    rows.push(['typical API page HTML (median)', `≤ ${API_PAGE_KB} KB`, kb(typical), typical <= API_PAGE_KB * 1024 ? 'met' : 'MISSED']);
    const withTryIt = pages.filter((p) => p.loadsTryIt).length;
    rows.push(["try-it JS on an API page's first load", 'none', withTryIt === 0 ? 'none' : `${withTryIt} pages`, withTryIt === 0 ? 'met' : 'MISSED']);
  }
  for (const r of results) {
    const m = medians(r);
    rows.push([
      `${r.command}: each extra API`,
      `≤ ${PER_EXTRA_API.seconds} s, ≤ ${PER_EXTRA_API.rssMB} MB`,
      `average ${(m.seconds / apis).toFixed(3)} s, ${(m.rssMB / apis).toFixed(2)} MB per API`,
      'indicative: the average includes start-up; compare two sizes for the marginal cost',
    ]);
  }
  return formatTable(rows);
}
