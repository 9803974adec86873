import { createHighlighter, type ShikiTransformer } from 'shiki';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeThemes, untimedTokenizing } from '../../src/site/code-themes.ts';
import { renderMarkdown } from '../../src/site/markdown.ts';

const highlighter = await createHighlighter({ themes: Object.values(codeThemes), langs: ['typescript'] });
const line = 'async function callWithRetry(url: string, attempts = 5): Promise<Response> {}';

/** Highlights as Astro does for the guides: the options Portolan sets are only the themes and transformers. */
function highlight(transformers: ShikiTransformer[]): string {
  return highlighter.codeToHtml(line, { lang: 'typescript', themes: codeThemes, defaultColor: false, transformers });
}

/** A clock on which every reading is a second after the last: Shiki's time limit is crossed on every line. */
function slowClock(): void {
  let now = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('code highlighting', () => {
  it('colours a guide’s code the same however slow the machine', () => {
    const expected = highlight([untimedTokenizing]);
    slowClock();
    expect(highlight([]), 'the slow clock must make Shiki stop early for this test to mean anything').not.toBe(expected);
    expect(highlight([untimedTokenizing])).toBe(expected);
  });

  it('colours catalogue Markdown’s code the same however slow the machine', () => {
    const markdown = `\`\`\`ts\n${line}\n\`\`\``;
    const expected = renderMarkdown(markdown);
    expect(expected).toContain('--shiki-light');
    slowClock();
    expect(renderMarkdown(markdown)).toBe(expected);
  });
});
