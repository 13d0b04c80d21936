/**
 * One way for scripts to read arguments and end (scripts/lib/cli.ts): no script reads
 * process.argv itself or exits with a bare number, so every script has --help, exit 2 for bad
 * usage and exit 1 for problems found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const scripts = new URL('../../scripts/', import.meta.url).pathname;
const files = readdirSync(scripts, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== join('lib', 'cli.ts'));

test('no script reads process.argv but scripts/lib/cli.ts', () => {
	expect(files.filter((f) => /process\.argv/.test(readFileSync(join(scripts, f), 'utf8')))).toEqual([]);
});

test('no script exits with a bare number: EXIT, fail() or usageError() from scripts/lib/cli.ts (or a child process’s own code)', () => {
	expect(files.flatMap((f) => [...readFileSync(join(scripts, f), 'utf8').matchAll(/process\.exit\(\s*\d+\s*\)/g)].map((m) => `${f}: ${m[0]}`))).toEqual([]);
});
