/** Text on one line: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Catalogue text that is not Markdown (a name, a title, a path, a one-line summary) on one line,
 * safe to write into Markdown: a `<` that would open an HTML tag or comment is written `&lt;`, so a
 * renderer shows it as written instead of reading a tag (`List<Customer>` too); `a < b` is left alone.
 */
export function plainText(text: string): string {
  return oneLine(text).replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

/** A Markdown link whose text cannot end the link early (brackets and backslashes escaped). */
export function markdownLink(text: string, url: string): string {
  return `[${plainText(text).replace(/[\\[\]]/g, '\\$&')}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** A list item of llmstxt.org's form: `- [name](url): notes`, the notes left out when there are none. */
export function linkItem(text: string, url: string, notes?: string): string {
  const note = notes ? plainText(notes) : '';
  return `- ${markdownLink(text, url)}${note ? `: ${note}` : ''}`;
}
