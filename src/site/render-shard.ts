/** The environment variable that gives a render process its share of the pages, as `i/n`. */
export const renderShardVariable = 'PORTOLAN_RENDER_SHARD';

/**
 * The items whose pages this render process makes: every n-th one from the i-th when the build
 * renders in n processes, else all. Pages without parameters are made by every process, the same
 * bytes each time.
 */
export function inRenderShard<T>(items: readonly T[]): T[] {
  const shard = /^(\d+)\/(\d+)$/.exec(process.env[renderShardVariable] ?? '');
  if (!shard) return [...items];
  const [index, count] = [Number(shard[1]), Number(shard[2])];
  return items.filter((_, at) => at % count === index);
}
