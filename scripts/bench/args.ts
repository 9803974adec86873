import { parseArgs } from 'node:util';

/** The options of `npm run bench`. */
export interface BenchOptions {
  apis: number;
  runs: number;
  build: boolean;
  /** Also time warm runs (a kept cache and output); on by default with --build. */
  warm: boolean;
  /** Also time `portolan lint`, cold and (with the warm runs) warm. */
  lint: boolean;
  keep: boolean;
}

/** An error whose message is shown to the user as is, without a stack trace. */
export class BenchError extends Error {}

/** The usage text of `npm run bench`. */
export const USAGE = `usage: npm run bench -- --apis N [--runs 3] [--build | --no-build] [--warm | --no-warm] [--lint] [--keep]

  --apis N      size of the generated catalogue (a quarter AsyncAPI)
  --runs R      runs of each command; the median is reported (default 3)
  --build       also time \`portolan build\` (default only when N <= 200)
  --no-build    time \`portolan check\` only
  --warm        after the cold runs (each with an empty private cache), time warm ones with the
                cache kept: check, build with nothing changed, build after one contract changed
                (default with --build; without it, check only)
  --no-warm     cold runs only
  --lint        also time \`portolan lint\` (the design rules), cold and, with the warm runs, warm
  --keep        keep the temporary catalogue (with the warm runs' changes), caches and outputs,
                and print where they are`;

function positiveInteger(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1)
    throw new BenchError(`--${name} needs a positive whole number, got ${text ?? 'nothing'}\n\n${USAGE}`);
  return Number(text);
}

/** Parses the command line; returns undefined when help was asked for. */
export function parseBenchArgs(argv: string[]): BenchOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowNegative: true,
      options: {
        apis: { type: 'string' },
        runs: { type: 'string' },
        build: { type: 'boolean' },
        warm: { type: 'boolean' },
        lint: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new BenchError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return undefined;
  const apis = positiveInteger('apis', values.apis);
  const build = values.build ?? apis <= 200;
  return { apis, runs: positiveInteger('runs', values.runs, 3), build, warm: values.warm ?? build, lint: values.lint, keep: values.keep };
}
