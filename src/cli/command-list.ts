import type { CommandSpec } from './args.ts';
import { buildCommand } from './commands/build.ts';
import { checkCommand } from './commands/check.ts';
import { devCommand } from './commands/dev.ts';
import { lintCommand } from './commands/lint.ts';
import { mockCommand } from './commands/mock.ts';
import { newCommand } from './commands/new.ts';
import { previewCommand } from './commands/preview.ts';

/** Every command, in the order the help lists them. */
export const commands: readonly CommandSpec[] = [checkCommand, lintCommand, buildCommand, previewCommand, mockCommand, devCommand, newCommand];
