/** The design rules stage: Spectral's built-in rulesets, OWASP's and the catalogue's own, with waivers. */
export { lintCatalog, UnknownApiError, type LintOptions, type LintResult } from './lint-catalog.ts';
export { stopLintWorkers } from './lint-pool.ts';
