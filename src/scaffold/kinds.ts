/** The kinds of thing `portolan new` scaffolds. */
export const scaffoldKinds = ['api', 'service', 'domain', 'team'] as const;
/** One kind. */
export type ScaffoldKind = (typeof scaffoldKinds)[number];
