import { parse } from 'csv-parse/sync';
import { diagnose, type Diagnostic, type StageResult } from '../catalog/diagnostics.ts';
import { readText } from '../catalog/read-text.ts';
import type { UsageRow } from '../catalog/model.ts';
import { cellColumns } from './cell-columns.ts';

/** The header every catalog/usage/*.csv starts with, in this order. */
export const usageColumns = ['api', 'consumer', 'month', 'calls', 'errors'] as const;

const month = /^\d{4}-(0[1-9]|1[0-2])$/;
const count = /^\d+$/;

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * Reads the gateway's exports. A file that is not CSV or has another header is left out with one
 * warning; a bad row (unknown API, bad month, a count that is not a whole number ≥ 0, a missing
 * cell) gets one warning at its first bad cell, and the other rows are used.
 */
export async function readUsage(root: string, files: readonly string[], apiIds: ReadonlySet<string>): Promise<StageResult<UsageRow[]>> {
  const rows: UsageRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const text = await readText(root, file);
    diagnostics.push(...text.diagnostics);
    if (text.value === undefined) continue;
    const read = readFile(file, text.value, apiIds);
    rows.push(...read.value);
    diagnostics.push(...read.diagnostics);
  }
  return { value: rows, diagnostics };
}

function readFile(file: string, text: string, apiIds: ReadonlySet<string>): StageResult<UsageRow[]> {
  let records: ParsedRecord[];
  try {
    records = parse(text, { info: true, raw: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      value: [],
      diagnostics: [diagnose('usage/syntax', file, { line, column: 1 }, `"${file}" is not valid CSV: ${(error as Error).message}`, { severity: 'warning' })],
    };
  }
  const [header, ...body] = records;
  if (!header || header.record.join(',') !== usageColumns.join(',')) {
    const found = header ? header.record.join(',') : 'nothing';
    return {
      value: [],
      diagnostics: [
        diagnose(
          'usage/header',
          file,
          { line: 1, column: 1 },
          `"${file}" starts with ${JSON.stringify(found)}, not the header ${usageColumns.join(',')}; the file is left out`,
          { severity: 'warning' },
        ),
      ],
    };
  }
  const rows: UsageRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { record, raw, info } of body) {
    const problem = rowProblem(record, apiIds);
    if (!problem) {
      rows.push({ api: record[0]!, consumer: record[1]!, month: record[2]!, calls: Number(record[3]), errors: Number(record[4]) });
      continue;
    }
    // A missing last cell is pointed at the end of the row.
    const column = cellColumns(raw)[problem.cell] ?? raw.replace(/[\r\n]+$/, '').length + 1;
    const line = info.lines - (raw.trimEnd().split('\n').length - 1);
    diagnostics.push(diagnose(problem.code, file, { line, column }, `${problem.message}; the row is left out`, { hint: problem.hint, severity: 'warning' }));
  }
  return { value: rows, diagnostics };
}

interface Problem {
  code: 'usage/invalid-row' | 'usage/unknown-api';
  cell: number;
  message: string;
  hint: string;
}

function rowProblem(record: readonly string[], apiIds: ReadonlySet<string>): Problem | undefined {
  const [api, , when, calls, errors] = record;
  const missing = usageColumns.findIndex((_, index) => !record[index]);
  if (missing >= 0)
    return {
      code: 'usage/invalid-row',
      cell: missing,
      message: `the row has no ${usageColumns[missing]}`,
      hint: `Each row holds ${usageColumns.join(', ')}, e.g. customer-api,Polar CRM,2026-07,1200,3.`,
    };
  if (record.length > usageColumns.length)
    return {
      code: 'usage/invalid-row',
      cell: usageColumns.length,
      message: `the row has ${record.length} cells, not ${usageColumns.length}`,
      hint: 'Quote a consumer name that holds a comma: "Acme, Inc.".',
    };
  if (!apiIds.has(api!))
    return {
      code: 'usage/unknown-api',
      cell: 0,
      message: `"${api}" is not an API of the catalogue`,
      hint: 'Use the API id (its folder name), as the gateway export should map it.',
    };
  if (!month.test(when!))
    return { code: 'usage/invalid-row', cell: 2, message: `the month "${when}" is not YYYY-MM`, hint: 'Write the month as YYYY-MM, e.g. 2026-07.' };
  for (const [index, value] of [calls, errors].entries()) {
    if (!count.test(value!))
      return {
        code: 'usage/invalid-row',
        cell: 3 + index,
        message: `${usageColumns[3 + index]} "${value}" is not a whole number of 0 or more`,
        hint: 'Counts are whole numbers without separators: 12000, not 12,000 or 1.2e4.',
      };
  }
  if (Number(errors) > Number(calls))
    return {
      code: 'usage/invalid-row',
      cell: 4,
      message: `errors ${errors} are more than calls ${calls}`,
      hint: 'Errors are the calls that failed: at most the number of calls.',
    };
  return undefined;
}
