import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { diagnose, type Diagnostic } from './diagnostics.ts';

const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };

// secretlint marks the performance timeline for every rule of every file and never clears it:
// searching the growing list made a 50-API check take 14 s instead of 4. Its profile is not used here.
secretLintProfiler.mark = () => {};

/**
 * Secret-looking values in a catalogue file (private keys, tokens of known services, credentials
 * in URLs), found by secretlint's recommended rules. The message masks the value: a check's
 * output often ends up in a CI log.
 */
export async function findSecrets(file: string, text: string, severity: 'error' | 'warning' = 'error'): Promise<Diagnostic[]> {
  const result = await lintSource({
    source: { filePath: file, content: text, contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages.map((message) =>
    diagnose('secret/found', file, { line: message.loc.start.line, column: message.loc.start.column + 1 }, `this looks like a secret: ${message.message.replace(/\*{8,}/g, '********')}`, {
      hint: 'Replace it with a placeholder such as <token> or an obviously fake value, and revoke the real one: it is in the git history now.',
      severity,
    }),
  );
}
