import { isRecord } from '../is-record.ts';
import { isLinkKey, isSafeHref } from '../safe-urls.ts';
import type { Binding } from '../model.ts';

/** How deep a binding's values are kept: Kafka's `topicConfiguration` or a key schema's property is 3 levels down. */
const maxDepth = 6;
/** How many values of one binding are kept, so that a binding holding a whole schema keeps a page small. */
const maxNodes = 200;

/**
 * The protocol bindings of an AsyncAPI channel, operation or message as the parser hands them
 * (dereferenced, traits applied): each protocol's fields copied as plain JSON, cycles cut, depth
 * and size capped, link fields of a refused scheme (`schemaRegistryUrl: javascript:…`) left out.
 */
export function bindingsOf(bindings: unknown): Binding[] {
  if (!isRecord(bindings)) return [];
  return Object.entries(bindings)
    .filter(([protocol, value]) => !protocol.startsWith('x-') && isRecord(value))
    .map(([protocol, value]) => {
      const { bindingVersion, 'x-internal': internal, ...fields } = value as Record<string, unknown>;
      const budget = { nodes: maxNodes };
      return {
        protocol,
        ...(typeof bindingVersion === 'string' ? { bindingVersion } : {}),
        values: plainRecord(fields, 0, new Set(), budget),
        ...(internal === true ? { internal: true } : {}),
      };
    });
}

function plainRecord(value: Record<string, unknown>, depth: number, path: Set<object>, budget: { nodes: number }): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  path.add(value);
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'string' && isLinkKey(key) && !isSafeHref(child.trim())) continue;
    const copy = plainValue(child, depth + 1, path, budget);
    if (copy !== undefined) result[key] = copy;
  }
  path.delete(value);
  return result;
}

/** A JSON copy of `value`, or undefined for what is not JSON, a cycle, or what the budget no longer allows. */
function plainValue(value: unknown, depth: number, path: Set<object>, budget: { nodes: number }): unknown {
  if (budget.nodes <= 0) return undefined;
  budget.nodes--;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'object' || path.has(value) || depth > maxDepth) return undefined;
  if (Array.isArray(value)) {
    path.add(value);
    const items = value.map((item) => plainValue(item, depth + 1, path, budget)).filter((item) => item !== undefined);
    path.delete(value);
    return items;
  }
  return plainRecord(value as Record<string, unknown>, depth, path, budget);
}
