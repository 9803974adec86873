import type { OptionSpec } from './args.ts';
import { formats } from './report.ts';

/** Options several commands take, written once so their help reads the same everywhere. */
export const audiences = ['public', 'partner', 'internal'] as const;

export const catalogOption = { type: 'string', default: './catalog', placeholder: 'DIR', description: 'the catalogue folder' } as const satisfies OptionSpec;
export const contentOption = {
  type: 'string',
  default: './content',
  placeholder: 'DIR',
  description: 'the portal’s own pages: the home page text and the guides',
} as const satisfies OptionSpec;
export const audienceOption = {
  type: 'string',
  values: audiences,
  description: 'who the portal is for; default: `audience` in portal.yaml, else public',
} as const satisfies OptionSpec;
export const hostOption = {
  type: 'string',
  default: 'localhost',
  placeholder: 'NAME',
  description: 'the host name or address to listen on',
} as const satisfies OptionSpec;
export const portOption = (port: number) =>
  ({ type: 'string', default: String(port), placeholder: 'N', description: 'the port to listen on' }) as const satisfies OptionSpec;
export const strictOption = { type: 'boolean', default: false, description: 'make every warning an error' } as const satisfies OptionSpec;
export const timingsOption = {
  type: 'string',
  placeholder: 'FILE',
  description: 'write each stage’s duration, item count and peak memory, and the caches’ hits and misses, as JSON (the benchmark reads it)',
} as const satisfies OptionSpec;
export const contractTimeoutOption = {
  type: 'string',
  placeholder: 'S',
  description: 'the seconds one contract may take to be read and checked before it is an error (default: 120)',
} as const satisfies OptionSpec;

/** How `check` and `lint` print their diagnostics. */
export const diagnosticsFormatOption = {
  type: 'string',
  default: 'text',
  values: formats,
  description: 'text for people; json, github (annotations), sarif (code scanning) or gitlab (Code Quality) for machines',
} as const satisfies OptionSpec;
