import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Whether `portolan check` and `build` take `--cache DIR`. Each is asked to use a cache for a
 * catalogue folder that does not exist: a CLI without a cache fails on the option before it
 * looks at the folder, one with a cache fails on the folder.
 */
export function cliHasCache(cli: string, root: string, work: string): boolean {
  return (['check', 'build'] as const).every((command) => {
    const out = command === 'build' ? ['--out', join(work, 'probe-out')] : [];
    const probe = spawnSync(process.execPath, [cli, command, '--catalog', join(work, 'no-such-catalogue'), ...out, '--cache', join(work, 'probe-cache')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return !/unknown option '--cache'/i.test(`${probe.stderr}${probe.stdout}`);
  });
}
