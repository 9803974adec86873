import type { ShikiTransformer } from 'shiki';

/** Code highlighting, shared by catalogue Markdown and the MDX guides: one theme per colour scheme, picked in CSS. */
export const codeThemes = { light: 'github-light', dark: 'github-dark-default' } as const;

/** The languages catalogue Markdown is highlighted in; any other is shown as plain text. */
export const codeLanguages = ['json', 'yaml', 'bash', 'http', 'javascript', 'typescript', 'python', 'java', 'xml', 'html', 'sql', 'go', 'csharp', 'diff'];

/**
 * No time limit on tokenizing a line. Shiki's default (500 ms) colours the rest of a line as one
 * token once crossed: on a busy machine the first line of a language, while its grammar's regular
 * expressions compile, crossed it, and two builds of the same guide were coloured differently.
 */
export const tokenizeTimeLimit = 0;

/** Lifts the time limit in highlighters whose options Portolan does not write itself (Astro's, for the MDX guides). */
export const untimedTokenizing: ShikiTransformer = {
  name: 'portolan:untimed-tokenizing',
  preprocess(_code, options) {
    // The options object the hook receives is the one Shiki tokenizes with.
    options.tokenizeTimeLimit = tokenizeTimeLimit;
  },
};
