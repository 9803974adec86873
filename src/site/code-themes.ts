/** Code highlighting, shared by catalogue Markdown and the MDX guides: one theme per colour scheme, picked in CSS. */
export const codeThemes = { light: 'github-light', dark: 'github-dark' } as const;

/** The languages catalogue Markdown is highlighted in; any other is shown as plain text. */
export const codeLanguages = ['json', 'yaml', 'bash', 'http', 'javascript', 'typescript', 'python', 'java', 'xml', 'html', 'sql', 'go', 'csharp', 'diff'];
