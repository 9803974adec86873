import { pathToFileURL } from 'node:url';
import type { AsyncAPIDocumentInterface, Parser } from '@asyncapi/parser';
import { readLoggedSync, type ReadLog } from '../cache/read-log.ts';
import { diagnose, fileStart, type Diagnostic, type StageResult } from '../diagnostics.ts';
import type { SourceDocument } from '../read-yaml.ts';
import { readSource } from '../read-source.ts';
import { findForbiddenRefs, isConfined } from './ref-guard.ts';
import { isKnownAsyncApiVersion, validateAsyncApiSchema } from './asyncapi-schema.ts';
import { describeSchemaError, locateSchemaError, pickSchemaErrors } from './schema-errors.ts';
import { relativeTo } from './paths.ts';
import { readParserPathsAsMeant } from './asyncapi-paths.ts';

/**
 * The parser's rules that repeat a check Portolan makes itself. The document-structure rules
 * rebuild their validator for every document; the same check runs first, compiled once
 * (asyncapi-schema.ts). Message examples are checked against their payload and headers with the
 * example files (asyncapi-examples.ts), in 2.x and 3.x alike; the parser's rule cost ~40 ms a
 * document and knew only 2.x. The latest-version rule is advice (severity info), never reported.
 */
const duplicatedRules = ['asyncapi-document-resolved', 'asyncapi-document-unresolved', 'asyncapi2-message-examples', 'asyncapi-latest-version'];

/**
 * A parser serves this many documents, then a new one takes over: its $ref resolver keeps every
 * document it resolved (with `cache: false`, entries expire but are never dropped), about 1.2 MB
 * each, which grew a worker's live heap by ~180 MB over 150 AsyncAPI contracts.
 */
const documentsPerParser = 20;

/** Where a parse is reading from; the parser's resolvers consult it. */
interface ParseContext {
  root: string;
  problems: Diagnostic[];
  log: ReadLog | undefined;
}

/** Parses AsyncAPI contracts; one instance serves many contracts, one at a time. */
export interface AsyncApiLoader {
  /** Parses one contract; the files its $refs read are recorded in `log`. */
  load(doc: SourceDocument, absoluteFile: string, root: string, log?: ReadLog): Promise<StageResult<AsyncAPIDocumentInterface | undefined>>;
}

/**
 * Creates the AsyncAPI loader. Building the parser's ruleset is costly, so it is built
 * once; its resolvers read files only inside the catalogue and never fetch remote refs.
 */
export function createAsyncApiLoader(): AsyncApiLoader {
  let context: ParseContext | undefined;
  const refuse = (scheme: string) => ({
    schema: scheme,
    order: 1,
    read: (uri: { toString(): string }) => {
      context?.problems.push(diagnose('ref/remote', '', fileStart, `a $ref points to the remote URL "${uri.toString()}"; it is never fetched`));
      return '{}';
    },
  });
  // The parser costs ~1.5 s to import: load it only when a catalogue has an AsyncAPI contract.
  let parser: Parser | undefined;
  let parsed = 0;
  const createParser = async () => new (await import('@asyncapi/parser')).Parser({
    // Rules off are those Portolan does itself, cheaper, or whose result it never reads; the
    // others find problems nothing else does (see README, Performance). Recommendations are for the linter.
    ruleset: { recommended: false, rules: Object.fromEntries(duplicatedRules.map((rule) => [rule, 'off'])) } as never,
    __unstable: {
      resolver: {
        cache: false,
        resolvers: [
          refuse('http'),
          refuse('https'),
          {
            schema: 'file',
            order: 1,
            read: (uri) => {
              const absolute = decodeURIComponent(uri.path());
              if (!context || !isConfined(absolute, context.root)) {
                context?.problems.push(diagnose('ref/outside-catalogue', '', fileStart, `a $ref reaches "${absolute}", outside the catalogue`));
                return '{}';
              }
              const text = readLoggedSync(context.root, absolute, context.log);
              const parsed = readSource(relativeTo(context.root, absolute), text);
              context.problems.push(...parsed.diagnostics);
              if (parsed.value) context.problems.push(...findForbiddenRefs(parsed.value, absolute, context.root));
              return text;
            },
          },
        ],
      },
    },
  });

  return {
    async load(doc, absoluteFile, root, log) {
      const version = String((doc.value as Record<string, unknown>)['asyncapi']);
      if (!isKnownAsyncApiVersion(version)) {
        return { value: undefined, diagnostics: [diagnose('asyncapi/invalid', doc.file, doc.locate(['asyncapi']), `asyncapi: ${JSON.stringify(version)} is not a supported version`, { hint: 'Use an AsyncAPI version from 2.0.0 to 3.1.0, written as a string.' })] };
      }
      const refProblems = findForbiddenRefs(doc, absoluteFile, root);
      if (refProblems.length > 0) return { value: undefined, diagnostics: refProblems };
      const schemaErrors = pickSchemaErrors(validateAsyncApiSchema(doc.value, version));
      if (schemaErrors.length > 0) {
        return { value: undefined, diagnostics: schemaErrors.map((e) => diagnose('asyncapi/invalid', doc.file, locateSchemaError(e, doc), describeSchemaError(e))) };
      }
      if (!parser || parsed >= documentsPerParser) {
        readParserPathsAsMeant();
        parser = await createParser();
        parsed = 0;
      }
      parsed++;
      context = { root, problems: [], log };
      try {
        const { document, diagnostics } = await parser.parse(doc.text, { source: pathToFileURL(absoluteFile).href });
        const nested = context.problems.map((p) => (p.file === '' ? { ...p, file: doc.file } : p));
        const errors = diagnostics
          .filter((d) => d.severity === 0)
          .map((d) => {
            const file = d.source ? relativeTo(root, decodeURIComponent(new URL(d.source).pathname)) : doc.file;
            const at = { line: d.range.start.line + 1, column: d.range.start.character + 1 };
            return diagnose('asyncapi/invalid', file || doc.file, at, d.message);
          });
        const all = nested.length > 0 ? nested : errors;
        return { value: all.length > 0 ? undefined : document, diagnostics: all };
      } finally {
        context = undefined;
      }
    },
  };
}
