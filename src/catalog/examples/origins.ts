import type { Example } from '../model.ts';
import type { PathSegment, SourceDocument } from '../read-yaml.ts';

/** Where an example's parts were written: the file, and the path of each part in it, to point at a wrong value. */
export interface ExampleOrigin {
  doc: SourceDocument;
  request?: PathSegment[];
  response?: PathSegment[];
  payload?: PathSegment[];
  headers?: PathSegment[];
  /** Written in the contract rather than in an example file. */
  inContract?: boolean;
}

/** Kept beside the model rather than in it: only the example stage needs it, pages never do. */
export const exampleOrigins = new WeakMap<Example, ExampleOrigin>();
