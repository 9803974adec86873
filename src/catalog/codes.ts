/**
 * Every diagnostic Portolan can report. Codes are permanent: contributors' CI and
 * editors match on them, so rename nothing; add new entries instead.
 */
export const codes = {
  'yaml/syntax': { title: 'The file is not valid YAML or JSON', hint: 'Fix the syntax at the position shown; a YAML linter in your editor helps.' },
  'json/syntax': { title: 'The file is not valid JSON', hint: 'Fix the syntax at the position shown (JSON allows no trailing commas or comments), or write the file as YAML.' },
  'yaml/duplicate-key': { title: 'A key appears twice in the same mapping', hint: 'Keep one of the two keys.' },
  'yaml/alias-limit': { title: 'Too many YAML aliases', hint: 'Write the values out instead of expanding anchors many times; this limit protects the build from alias bombs.' },
  'yaml/too-deep': {
    title: 'Values are nested too deeply',
    hint: 'Flatten the structure: name deep schemas in components and refer to them with $ref. Values may nest at most 256 levels deep.',
  },
  'file/too-large': { title: 'A file is over the size limit', hint: 'Split the file, or raise `limits.maxFileMB` in portal.yaml.' },
  'file/symlink-outside': { title: 'A symbolic link leaves the catalogue', hint: 'Copy the file into the catalogue instead of linking to it.' },
  'file/unreadable': { title: 'A file cannot be read', hint: 'Check the file permissions.' },
  'catalog/invalid-id': { title: 'A folder name is not a valid identifier', hint: 'Rename the folder: lower-case ASCII letters, digits and hyphens, starting with a letter, at most 64 characters.' },
  'catalog/duplicate-id': { title: 'Two folders share an identifier', hint: 'Identifiers of APIs, domains and services are unique across the catalogue; rename one folder.' },
  'catalog/api-at-root': { title: 'An API or service sits at the catalogue root', hint: 'Move it into a domain folder (a folder holding domain.yaml).' },
  'catalog/orphan-folder': { title: 'A service or API is not inside a domain', hint: 'Put a domain.yaml in the parent folder, or move the folder into a domain.' },
  'catalog/nesting-depth': { title: 'Domains nest deeper than 3 levels', hint: 'Flatten the taxonomy to at most 3 domain levels.' },
  'catalog/missing-teams': { title: 'Owners are named but teams.yaml is missing', hint: 'Add teams.yaml at the catalogue root with one entry per team.' },
  'catalog/unknown-owner': { title: 'An owner is not a team in teams.yaml', hint: 'Use a team id declared in teams.yaml, or add the team there.' },
  'catalog/missing-owner': { title: 'An API has no owner', hint: 'Set `owner:` on the API, its service or one of its domains.' },
  'catalog/unknown-api': { title: 'A reference names an API that does not exist', hint: 'Use the folder name of an existing API.' },
  'catalog/deprecation': { title: 'A deprecated API has no sunset date', hint: 'Add `deprecation: { sunset: YYYY-MM-DD, replacedBy: <api-id> }`.' },
  'catalog/lineage-self': { title: 'An API replaces itself', hint: 'Name the earlier version of the product line in `replaces:`, or remove the field.' },
  'catalog/lineage-mismatch': {
    title: 'The two ends of a replacement disagree',
    hint: 'An API’s `replaces:` and the replaced API’s `deprecation.replacedBy` must name each other; fix the one that is wrong.',
  },
  'catalog/lineage-cycle': {
    title: 'Versions of a product line replace each other in a cycle',
    hint: 'A version replaces an earlier one only: remove the `replaces:` or `deprecation.replacedBy` that points to a later version.',
  },
  'catalog/missing-contract': { title: 'The contract file does not exist', hint: 'Set `contract:` to the path of the OpenAPI or AsyncAPI file, relative to the api.yaml folder.' },
  'catalog/contract-outside': { title: 'The contract path leaves the API folder', hint: 'Put the contract inside the API folder.' },
  'schema/invalid': { title: 'A value does not match the catalogue format', hint: 'See docs of the catalogue format.' },
  'schema/required': { title: 'A required field is missing', hint: 'Add the field.' },
  'schema/enum': { title: 'A value is not one of the allowed ones', hint: 'Use one of the allowed values.' },
  'schema/type': { title: 'A value has the wrong type', hint: 'Change the value to the expected type.' },
  'schema/unknown-field': { title: 'A field is not part of the catalogue format', hint: 'Remove it or fix its spelling.' },
  'contract/unknown-format': { title: 'The contract is neither OpenAPI nor AsyncAPI', hint: 'Start the contract with `openapi: 3.x.y`, `swagger: "2.0"` or `asyncapi: 2.x.y / 3.x.y`.' },
  'contract/timeout': {
    title: 'A contract took longer than its time budget to read and check',
    hint: 'Look for what makes it heavy (a huge file, deeply nested or recursive schemas, very large examples) and simplify it; if it is just large, raise the budget with --contract-timeout SECONDS.',
  },
  'contract/out-of-memory': {
    title: 'A contract needed more memory than one contract may use',
    hint: 'Look for YAML anchors or $refs that multiply its content, or split the contract into several APIs.',
  },
  'contract/unsafe-server-url': {
    title: 'A server URL is left out of the portal',
    hint: 'Write the server as an http(s), ws(s) or messaging-protocol URL (amqp, kafka, mqtt…), or as a relative path, with no spaces, quotes, semicolons, commas or angle brackets.',
  },
  'openapi/invalid': { title: 'The OpenAPI contract is invalid', hint: 'Fix the contract at the position shown; it must follow the OpenAPI specification of its version.' },
  'asyncapi/invalid': { title: 'The AsyncAPI contract is invalid', hint: 'Fix the contract at the position shown; it must follow the AsyncAPI specification of its version.' },
  'ref/remote': { title: 'A $ref points to a remote URL', hint: 'Remote references are never fetched: copy the referenced file into the catalogue and point to it with a relative path.' },
  'ref/outside-catalogue': { title: 'A $ref leaves the catalogue folder', hint: 'Copy the referenced file into the catalogue and point to it with a relative path.' },
  'ref/unresolved': { title: 'A $ref cannot be resolved', hint: 'Check the path and the JSON pointer after #.' },
  'example/unknown-operation': { title: 'An example names an operation the contract does not declare', hint: 'Name the example folder after an operationId (OpenAPI) or a message id (AsyncAPI) of the contract.' },
  'example/unknown-status': { title: 'An example names a status the operation does not declare', hint: 'Declare the response in the contract, or rename the file after a declared status.' },
  'example/invalid': { title: 'An example does not match its schema', hint: 'Fix the value the message points at, or the schema if the example is right.' },
  'example/no-ko-example': { title: 'An operation has no KO example', hint: 'Add an example for a 4xx or 5xx status; `check --strict` makes this an error.' },
  'secret/found': { title: 'A value looks like a secret', hint: 'Replace it with a placeholder, and revoke the real secret.' },
  'example/file-name': { title: 'An example file name does not follow the convention', hint: 'Name it `<status>[.<label>].json|yaml` (OpenAPI) or `<label>.json|yaml` (AsyncAPI).' },
  'docs/not-markdown': { title: 'A docs page is not Markdown', hint: 'Pages under docs/ must be `.md` files (MDX is accepted only in content/).' },
  'glossary/empty-synonym': { title: 'A glossary term or synonym is empty', hint: 'Write the word or phrase readers use, or remove the empty entry.' },
  'glossary/repeated-term': {
    title: 'A word or phrase is written twice in the glossary',
    hint: 'A word belongs to one term: keep it once, or merge the two terms into one entry.',
  },
  'link/broken': {
    title: 'A link of the portal leads to no page, file or anchor of it',
    hint: 'Link to a page of the portal from its root (/guides/authentication/, /apis/<id>/): the base path is added for you; `build --strict` makes this an error.',
  },
  'scaffold/bad-location': { title: 'A scaffold names a folder that cannot hold it', hint: 'An API goes in a domain or service folder, a service in a domain folder, a domain at the root or in a domain folder.' },
  'rule/data-policy': { title: 'An API handles personal or confidential data but has no policy', hint: 'Add `business.policy:` saying who may use the data and how; portal.yaml `rules:` sets this rule’s severity.' },
  'rule/sandbox': { title: 'A public or partner API has no sandbox or mock environment', hint: 'Add an environment named Sandbox or Mock; portal.yaml `rules:` sets this rule’s severity.' },
  'rule/deprecation-successor': {
    title: 'A deprecated API names no successor and has no migration page',
    hint: 'Set `deprecation.replacedBy:`, or write docs/migration.md; portal.yaml `rules:` sets this rule’s severity.',
  },
  'rule/stable-ko-example': { title: 'An operation of a stable API has no KO example', hint: 'Add an example for a 4xx or 5xx status; portal.yaml `rules:` sets this rule’s severity.' },
  'rule/product-owner': { title: 'A team that owns APIs names no product owner', hint: 'Add `productOwner:` to the team in teams.yaml; portal.yaml `rules:` sets this rule’s severity.' },
  'rule/single-master': { title: 'Two APIs say they master the same business entity', hint: 'Keep `master: true` on the one API that is the system of record; the others read it from there. portal.yaml `rules:` sets this rule’s severity.' },
  'rule/duplicate-api': { title: 'Two APIs overlap strongly: operations or schemas', hint: 'Reuse the existing API, or merge the two; name one in `replaces:` if it is a new version. portal.yaml `rules:` sets this rule’s severity.' },
  'rule/service-owner': { title: 'A service’s APIs are owned by another team than the service', hint: 'Remove the API’s `owner:` so it inherits the service’s, or move the API to a service of its team. portal.yaml `rules:` sets this rule’s severity.' },
  'usage/syntax': { title: 'A usage file is not valid CSV', hint: 'Fix the quoting at the line shown; the file is left out until then.' },
  'usage/header': { title: 'A usage file does not start with the expected header', hint: 'Start the file with the line api,consumer,month,calls,errors.' },
  'usage/invalid-row': { title: 'A row of a usage file is incomplete or holds a bad value', hint: 'Each row holds an API id, a consumer, a month YYYY-MM and two whole numbers, calls and errors; the row is left out until fixed.' },
  'usage/unknown-api': { title: 'A row of a usage file names an API that is not in the catalogue', hint: 'Use the API id (its folder name); the row is left out until fixed.' },
  'lint/*': {
    title: 'A design rule finds a problem in a contract (the code is lint/ and the rule’s name)',
    hint: 'The hint shown is the rule’s description: fix the contract, or waive the rule for the API in rules/waivers.yaml with a reason, a date and an approver.',
  },
  'lint/ruleset-code': {
    title: 'The ruleset asks to run code or to load a ruleset that is not built in',
    hint: 'Rulesets run no code from the catalogue: remove `functions`/`functionsDir`, and extend only spectral:oas, spectral:asyncapi or owasp; write rules with the built-in functions.',
  },
  'lint/unknown-rule': { title: 'The ruleset changes a rule that does not exist', hint: 'Name a rule of spectral:oas, spectral:asyncapi or owasp, or define the rule with `given` and `then`.' },
  'lint/unknown-function': {
    title: 'A rule of the ruleset calls a function that is not built in',
    hint: 'Use one of Spectral’s functions: alphabetical, casing, defined, enumeration, falsy, length, pattern, schema, truthy, undefined, unreferencedReusableObject, xor, or.',
  },
  'lint/invalid-ruleset': { title: 'The ruleset does not follow Spectral’s ruleset format', hint: 'See https://docs.stoplight.io/docs/spectral/ for the ruleset format; only YAML with built-in functions is accepted.' },
  'waiver/expired': { title: 'A waiver is past its date and no longer applies', hint: 'Fix the finding and remove the waiver, or have it approved again with a later `until`.' },
  'waiver/unused': { title: 'A waiver matches no finding', hint: 'Remove the waiver: the rule no longer finds anything in that API.' },
  'internal/error': { title: 'Portolan failed on this file', hint: 'This is a bug in Portolan; please report it with the file.' },
} as const satisfies Record<string, { title: string; hint: string }>;

/** A permanent diagnostic code, `area/rule`; `lint/*` stands for the family of design-rule codes. */
export type Code = Exclude<keyof typeof codes, 'lint/*'> | LintCode;

/** A design rule's code: `lint/` and the Spectral rule's name, e.g. `lint/owasp:api4:2023-string-limit`. */
export type LintCode = `lint/${string}`;

/** The catalogue entry of a code: a design rule's code is described by its family, `lint/*`. */
export function codeEntry(code: Code): { title: string; hint: string } {
  return code in codes ? codes[code as keyof typeof codes] : codes['lint/*'];
}
