/** Text on one line: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A Markdown link whose text cannot end the link early (brackets and backslashes escaped). */
export function markdownLink(text: string, url: string): string {
  return `[${oneLine(text).replace(/[\\[\]]/g, '\\$&')}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** A list item of llmstxt.org's form: `- [name](url): notes`, the notes left out when there are none. */
export function linkItem(text: string, url: string, notes?: string): string {
  const note = notes ? oneLine(notes) : '';
  return `- ${markdownLink(text, url)}${note ? `: ${note}` : ''}`;
}
