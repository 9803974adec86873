import type { z } from 'astro/zod';
import { isRecord } from './is-record.ts';

/** The fields of a file that failed its schema which still pass their own schema, and the names of those that do not. */
export interface PartialConfig<T> {
  config: Partial<T>;
  /** Fields written but invalid: rules that fire on a missing field skip these, their schema error says it already. */
  invalid: ReadonlySet<string>;
}

/**
 * Validates each top-level field of a mapping with its own schema, so the cross-file rules can
 * still check the fields that are right in a file that failed its schema. Never for the model.
 */
export function validateFields<T>(schema: z.ZodObject, value: unknown): PartialConfig<T> {
  const config: Record<string, unknown> = {};
  const invalid = new Set<string>();
  if (!isRecord(value)) return { config: {}, invalid };
  for (const [field, fieldValue] of Object.entries(value)) {
    const fieldSchema = schema.shape[field];
    if (!fieldSchema) continue;
    const result = fieldSchema.safeParse(fieldValue);
    if (result.success) config[field] = result.data;
    else invalid.add(field);
  }
  return { config: config as Partial<T>, invalid };
}
