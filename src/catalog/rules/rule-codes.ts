/** The codes of the business rules, whose severity portal.yaml may set under `rules:`. */
export const ruleCodes = ['rule/data-policy', 'rule/sandbox', 'rule/deprecation-successor', 'rule/stable-ko-example', 'rule/product-owner', 'rule/single-master', 'rule/duplicate-api', 'rule/service-owner'] as const;

/** A business rule's code. */
export type RuleCode = (typeof ruleCodes)[number];

/** What portal.yaml may set a business rule to. */
export const ruleSeverities = ['error', 'warning', 'off'] as const;
