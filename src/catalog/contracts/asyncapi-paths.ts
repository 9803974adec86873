import { createRequire } from 'node:module';

type PathCache = Record<string, string[]>;

/** The channels the AsyncAPI 2 paths below start from. */
const channelPaths = ['$.channels.*', '$.components.channels.*'];
/** What follows a channel's operations in the parser's trait, schema and `asyncapi2-schemas` paths. */
const suffixes = ['', '.message', '.message.oneOf.*'];

/** The JSONPath expressions of the AsyncAPI parser that jsonpath-plus reads as a search. */
export const parserOperationPaths = channelPaths.flatMap((channel) => suffixes.map((suffix) => `${channel}.[publish,subscribe]${suffix}`));

/**
 * The AsyncAPI parser (3.x) names a channel's operations `$.channels.*.[publish,subscribe]`,
 * which jsonpath-plus reads as `$.channels.*..[publish,subscribe]`: a search of every channel's
 * whole dereferenced subtree, ~5 ms each time, six times per AsyncAPI 2 document (applying
 * traits, parsing payload schemas, the `asyncapi2-schemas` rule), a third of a parse. They
 * are given jsonpath-plus's parse of what the parser means, the channel's own `publish` and
 * `subscribe`, through its cache of parsed paths (`JSONPath.cache`, public). A document finds
 * the same operations either way unless a schema under a channel has a property named
 * `publish` or `subscribe` that holds `traits` or a `message` with a `payload`.
 */
export function readParserPathsAsMeant(): void {
  // The jsonpath-plus the parser requires (CommonJS), which is not the one an `import` gets.
  const fromParser = createRequire(createRequire(import.meta.url).resolve('@asyncapi/parser'));
  const { JSONPath } = fromParser('jsonpath-plus') as { JSONPath: { cache: PathCache; toPathArray(path: string): string[] } };
  for (const path of parserOperationPaths) JSONPath.cache[path] = JSONPath.toPathArray(path.replace('.*.[', '.*['));
}
