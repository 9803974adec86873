import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';

/**
 * The regular-expression engine of example validation: RE2 (re2js), which runs in linear time,
 * so a contract `pattern` written for catastrophic backtracking cannot stall a build. A pattern
 * RE2 cannot run (look-arounds, back-references) is not checked: it matches everything.
 */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string): { test: (s: string) => boolean; toString: () => string } => {
    // Ajv keys its cache of compiled patterns by toString(), as it would a RegExp's.
    const toString = () => `/${pattern}/`;
    try {
      const compiled = RE2JS.compile(pattern);
      return { test: (s: string) => compiled.test(s), toString };
    } catch {
      return { test: () => true, toString };
    }
  },
  { code: 'linearRegExp' },
);
