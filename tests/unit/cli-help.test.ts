import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/command-list.ts';

const portolan = (...args: string[]) => spawnSync(process.execPath, ['bin/portolan.js', ...args], { encoding: 'utf8' });

describe('the CLI help', () => {
  it('lists every command with every option of its table, and the values a choice takes', () => {
    const { status, stdout } = portolan('--help');
    expect(status).toBe(0);
    for (const command of commands) {
      expect(stdout).toContain(`  ${command.name} `);
      expect(stdout).toContain(command.summary);
      for (const [name, option] of Object.entries(command.options)) {
        expect(stdout, `${command.name} --${name}`).toContain(
          `[--${name}${option.values ? ` ${option.values.join('|')}` : option.placeholder ? ` ${option.placeholder}` : ''}]`,
        );
      }
    }
    expect(stdout).toContain('[--host NAME]');
  });

  it("shows each command's options with what they do and their defaults", () => {
    for (const command of commands) {
      const { status, stdout } = portolan(command.name, '--help');
      expect(status, command.name).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: portolan ${command.name}`));
      for (const option of Object.values(command.options)) {
        expect(stdout).toContain(option.description);
        if (option.type === 'string' && option.default !== undefined) expect(stdout).toContain(`(default: ${String(option.default)})`);
      }
    }
  });

  it('prints the version of package.json', () => {
    const { status, stdout } = portolan('--version');
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it("rejects a value outside an option's choices with the allowed ones and the command's usage", () => {
    const { status, stderr } = portolan('dev', '--audience', 'everyone');
    expect(status).toBe(2);
    expect(stderr).toContain('--audience must be one of public, partner, internal, not "everyone"');
    expect(stderr).toContain('Usage: portolan dev');
  });
});
