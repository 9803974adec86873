/** What an event operation's heading can be made of, best first. */
export interface TitleSource {
  /** AsyncAPI 3's `title`. */
  title?: string | undefined;
  summary?: string | undefined;
  /** The operationId (2.x) or the operation's key (3.x). */
  operationId?: string | undefined;
  /** The titles or names of its messages. */
  messages: string[];
  channel?: string | undefined;
}

/**
 * A heading for each event operation, unique in its contract: its title, else its summary, else
 * its operation id, else its messages' names, else its channel. Four operations on one channel are
 * four headings: one that repeats another gets its operation id, then a number, after it.
 */
export function distinctTitles(sources: readonly TitleSource[]): string[] {
  const first = sources.map((source, index) => firstOf(source) ?? `Operation ${index + 1}`);
  const counts = countOf(first);
  const second = first.map((title, index) => {
    const id = sources[index]!.operationId;
    return counts.get(title)! > 1 && id && id !== title ? `${title} (${id})` : title;
  });
  const taken = new Set<string>();
  return second.map((title) => {
    let unique = title;
    for (let n = 2; taken.has(unique); n++) unique = `${title} (${n})`;
    taken.add(unique);
    return unique;
  });
}

function firstOf(source: TitleSource): string | undefined {
  const messages = source.messages.join(', ');
  return [source.title, source.summary, source.operationId, messages, source.channel].map((text) => text?.replace(/\s+/g, ' ').trim()).find((text) => !!text);
}

function countOf(titles: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  return counts;
}
