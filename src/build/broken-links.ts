import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnose, sortDiagnostics, type Diagnostic } from '../catalog/diagnostics.ts';
import type { Catalog } from '../catalog/model.ts';
import { builtFiles } from '../site/built-files.ts';
import type { BrokenLink, LinkCheck } from './link-check.ts';
import { linksTo, markdownTexts, type LinkAt, type MarkdownFolders, type MarkdownText } from './link-sources.ts';
import { lineOfLink } from './page-links.ts';

/** What locating a broken link needs: the catalogue and content it may come from, and where the pages go. */
export interface LinkContext extends MarkdownFolders {
  catalog: Catalog;
  base: string;
  /** The output folder the pages are published in (`--out`), to name a page that holds a broken link. */
  out: string;
}

const hints = {
  'no-file':
    'Link to a page of the portal from its root (/guides/authentication/, /apis/<id>/, /domains/<id>/): the base path is added for you. A page of an API that this audience does not see is not in this build.',
  'no-anchor':
    'Link to an id the page has: a guide’s heading has its text in lower case, with hyphens for spaces (## Retries and idempotency → #retries-and-idempotency); an operation has its operationId in the same form, a schema `schema-<Name>`; the headings of catalogue Markdown have none.',
  'outside-base':
    'Write the link from the site root (/guides/authentication/) or relative to the page: the portal is served under its base path, which is added for you.',
} as const;

/** Why a link on a page rather than in Markdown: what wrote it. */
const pageHint = 'The page holds it as rendered: if a contract’s description writes it, fix it there; otherwise Portolan’s pages wrote it, please report it.';

/**
 * Checks every link the pages pass found against the files of the built site in `siteDir`, and
 * reports each broken one as a warning: at the Markdown that wrote it (the field's line of an
 * api.yaml, domain.yaml or service.yaml, the line of a docs page, the home page or a guide), or
 * else at the page that holds it.
 */
export async function checkLinks(links: LinkCheck, siteDir: string, context: LinkContext): Promise<Diagnostic[]> {
  const broken = links.broken(await builtFiles(siteDir));
  if (broken.length === 0) return [];
  const texts = await markdownTexts(context.catalog, context);
  const parsed = new Map<MarkdownText, LinkAt[]>();
  const diagnostics: Diagnostic[] = [];
  // A relative link written once can be broken on several pages (a text shown on two pages): it is reported once.
  const reported = new Set<string>();
  for (const link of broken) {
    const found = linksTo(link.url, texts, context.base, parsed);
    for (const { file, at, written } of found) {
      const key = `${file}:${at.line}:${at.column}`;
      if (!reported.has(key)) diagnostics.push(warning(file, at, describe(link, written, context.base), hints[link.problem]));
      reported.add(key);
    }
    if (found.length > 0) continue;
    const html = await readFile(path.join(siteDir, link.page), 'utf8');
    const file = path.relative(context.catalogDir, path.join(context.out, link.page)).split(path.sep).join('/');
    const on = link.pages > 1 ? ` (and on ${link.pages - 1} other ${link.pages === 2 ? 'page' : 'pages'})` : '';
    diagnostics.push(
      warning(
        file,
        { line: lineOfLink(html, link.url) ?? 1, column: 1 },
        `${describe(link, link.url, context.base)}${on}`,
        `${hints[link.problem]} ${pageHint}`,
      ),
    );
  }
  return sortDiagnostics(diagnostics);
}

function warning(file: string, at: { line: number; column: number }, message: string, hint: string): Diagnostic {
  return diagnose('link/broken', file, at, message, { severity: 'warning', hint });
}

/** What is wrong with the link, quoting it as written and, when that differs, as served. */
function describe(link: BrokenLink, written: string, base: string): string {
  const served = written === link.url ? '' : ` (served as "${link.url}")`;
  switch (link.problem) {
    case 'no-file':
      return `the link "${written}"${served} leads to no page or file of the portal: the build wrote no ${link.file}`;
    case 'no-anchor':
      return `the link "${written}"${served} leads to ${link.file}, which has no element with the id "${link.anchor}"`;
    case 'outside-base':
      return `the link "${written}"${served} leads out of the portal, which is served under ${base}`;
  }
}
