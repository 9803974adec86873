/** Replaces what lies between `start` and `end` marker comments; throws when the markers are missing. */
export function replaceBetweenMarkers(document: string, name: string, content: string, dialect: 'md' | 'mdx'): string {
  const [start, end] = dialect === 'md' ? [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] : [`{/* ${name}:start */}`, `{/* ${name}:end */}`];
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the markers ${start} … ${end} are missing`);
  return `${document.slice(0, from + start.length)}\n\n${content}\n\n${document.slice(to)}`;
}
