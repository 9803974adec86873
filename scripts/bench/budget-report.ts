import { API_PAGE_KB, BUDGETS, CPU_BUDGET, OUTPUT_PER_API_KB, PER_EXTRA_API, verdict, type Budget } from './budgets.ts';
import { findResult, labelOf, medians, type CommandResult } from './results.ts';
import { formatTable, kb, mb, percent, s } from './report-table.ts';
import { medianFigures } from './stage-figures.ts';
import { median } from './stats.ts';

const size = (megabytes: number): string => (megabytes >= 1024 ? `${(megabytes / 1024).toFixed(1)} GB` : `${megabytes} MB`);

function limitOf(budget: Budget): string {
  const time = budget.seconds >= 120 ? `${budget.seconds / 60} min` : `${budget.seconds} s`;
  return budget.rssMB === undefined ? `≤ ${time}` : `≤ ${time}, ≤ ${size(budget.rssMB)}`;
}

/** The row of a time and memory budget; memory is the peak RSS of all the run's processes together. */
function budgetRow(budget: Budget, results: readonly CommandResult[], apis: number, warmSkipped: string | undefined): string[] {
  const result = findResult(results, budget.command, budget.scenario);
  const limit = limitOf(budget);
  if (!result) {
    const why = budget.scenario !== 'cold' && warmSkipped ? `not measured: ${warmSkipped}` : `not measured: run --apis ${Math.max(...budget.apis)} --build`;
    return [budget.label, limit, '—', why];
  }
  const m = medians(result);
  // "Linear, not worse" compares the cost per API of a 5,000 run with a 1,250 one: two runs of the bench.
  const perApi = budget.apis.includes(5000) && apis >= 1000 ? ` (${((m.seconds / apis) * 1000).toFixed(0)} ms per API: compare with a 1,250 run)` : '';
  return [budget.label, limit, `${labelOf(result)}: ${s(m.seconds)}, ${mb(m.treeRssMB)}${perApi}`, verdict(budget, apis, m.seconds, m.treeRssMB)];
}

/** The CPU share of the cold build during the stages that should keep both cores busy. */
function cpuRows(build: CommandResult | undefined): string[][] {
  const figures = build ? medianFigures(build) : [];
  return CPU_BUDGET.stages.map((stage) => {
    const label = `CPU during ${stage} (build, cold)`;
    const cpu = figures.find((f) => f.stage === stage)?.cpuPercent ?? Number.NaN;
    if (!build || Number.isNaN(cpu))
      return [label, `≥ ${CPU_BUDGET.percent}%`, '—', build ? `not measured: no ${stage} stage of a second or more` : 'not measured: run --build'];
    return [label, `≥ ${CPU_BUDGET.percent}%`, percent(cpu), cpu >= CPU_BUDGET.percent ? 'met' : 'MISSED'];
  });
}

/** The output-size and page-weight rows of the cold build. */
function outputRows(build: CommandResult | undefined, apis: number): string[][] {
  if (!build?.output) return [['output per API, shared assets aside', `≤ ${OUTPUT_PER_API_KB} KB`, '—', 'not measured: run --build']];
  const sizes = [...build.output.perApi.values()].map((d) => d.bytes);
  const worst = sizes.length > 0 ? Math.max(...sizes) : build.output.total.bytes / apis;
  const what = sizes.length > 0 ? 'largest apis/<id>/' : 'whole output / APIs';
  const rows = [
    ['output per API, shared assets aside', `≤ ${OUTPUT_PER_API_KB} KB`, `${kb(worst)} (${what})`, worst <= OUTPUT_PER_API_KB * 1024 ? 'met' : 'MISSED'],
  ];
  const pages = build.output.apiPages;
  if (pages.length > 0) {
    const typical = median(pages.map((p) => p.htmlBytes));
    rows.push(['typical API page HTML (median)', `≤ ${API_PAGE_KB} KB`, kb(typical), typical <= API_PAGE_KB * 1024 ? 'met' : 'MISSED']);
    const withTryIt = pages.filter((p) => p.loadsTryIt).length;
    rows.push(["try-it JS on an API page's first load", 'none', withTryIt === 0 ? 'none' : `${withTryIt} pages`, withTryIt === 0 ? 'met' : 'MISSED']);
  }
  return rows;
}

/** Issue 14's budgets (and performance.md's) next to the figures, with a verdict each; `warmSkipped` says why there are no warm runs. */
export function formatBudgets(results: readonly CommandResult[], apis: number, warmSkipped?: string): string {
  const build = findResult(results, 'build', 'cold');
  const rows = [['budget (issue 14, 2 cores)', 'limit', `measured at ${apis} APIs (median)`, 'verdict']];
  for (const budget of BUDGETS) rows.push(budgetRow(budget, results, apis, warmSkipped));
  rows.push(...outputRows(build, apis), ...cpuRows(build));
  for (const r of results.filter((result) => result.scenario === 'cold')) {
    const m = medians(r);
    rows.push([
      `${r.command}: each extra API`,
      `≤ ${PER_EXTRA_API.seconds} s, ≤ ${PER_EXTRA_API.rssMB} MB`,
      `average ${(m.seconds / apis).toFixed(3)} s, ${(m.treeRssMB / apis).toFixed(2)} MB per API`,
      'indicative: the average includes start-up; compare two sizes for the marginal cost',
    ]);
  }
  return formatTable(rows);
}
