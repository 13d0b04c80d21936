/**
 * The moves fixture (tests/fixtures/moves) after an editor's changes, done the documented way in a
 * scratch copy: a guideline moved to another topic and file name (npm run move with file paths), one
 * renamed (npm run move with addresses), one split into two (moved, then a statement given its own
 * page and sent there by the redirect's `anchors`), one withdrawn (review.status: withdrawn with a
 * withdrawal record). Used by the built-site test and
 * the browser test; each step's output is kept for assertions.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { buildEnv } from './env.ts';

export const fixture = new URL('../fixtures/moves', import.meta.url).pathname;
const project = new URL('../..', import.meta.url).pathname;

export function run(script: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
	return spawnSync(process.execPath, [join(project, 'scripts', script), ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, EH_CHECK_CACHE: '0', ...env } });
}

/** A scratch copy of the fixture. */
export function copyFixture(prefix = 'eh-moves-'): string {
	const root = mkdtempSync(join(tmpdir(), prefix));
	cpSync(fixture, root, { recursive: true });
	return root;
}

export const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

export interface MovedSite {
	root: string;
	steps: Record<'moveTopic' | 'moveName' | 'moveSplit' | 'splitUncovered' | 'checkAfterSplit' | 'withdraw' | 'update', SpawnSyncReturns<string>>;
}

/** Makes the editor's changes in a fresh copy and records the manifest (npm run permalinks:update). */
export function movedSite(): MovedSite {
	const root = copyFixture();
	const moveTopic = run('move.ts', ['--root', root, 'content/guidelines/knee/traveller.mdx', 'content/guidelines/hip/travelled-far.mdx']);
	const moveName = run('move.ts', ['--root', root, '/guidelines/knee/renamed/', '/guidelines/knee/new-name/']);
	// Split: the page moves to "diagnosis", its treatment section becomes a page of its own.
	const moveSplit = run('move.ts', ['--root', root, 'content/guidelines/knee/whole.mdx', 'content/guidelines/knee/diagnosis.mdx']);
	const page = readFileSync(join(root, 'content/guidelines/knee/diagnosis.mdx'), 'utf8');
	const [head, treatment] = page.split('## Treatment [#treatment]');
	writeFileSync(join(root, 'content/guidelines/knee/diagnosis.mdx'), head!.replace('split into two pages?', 'diagnosed after the split?'));
	writeFileSync(
		join(root, 'content/guidelines/knee/treatment.mdx'),
		`${head!.split('## Diagnosis')[0]!.replace('split into two pages?', 'treated after the split?')}## Treatment [#treatment]${treatment}`,
	);
	const splitUncovered = run('permalinks.ts', ['check', '--root', root]);
	edit(root, 'permalinks/redirects.json', (text) => {
		const redirects = JSON.parse(text) as Record<string, unknown>;
		redirects['/guidelines/knee/whole/'] = {
			to: '/guidelines/knee/diagnosis/',
			anchors: { treatment: '/guidelines/knee/treatment/#treatment', 'treatment-statement': '/guidelines/knee/treatment/#treatment-statement' },
		};
		return `${JSON.stringify(redirects, null, '\t')}\n`;
	});
	const checkAfterSplit = run('permalinks.ts', ['check', '--root', root]);
	// Withdrawal: the file stays, with review.status: withdrawn and the withdrawal record.
	edit(root, 'content/guidelines/knee/retired.mdx', (text) =>
		text.replace(
			'review:\n  status: submitted\n',
			'review:\n  status: withdrawn\n  withdrawal:\n    date: 2026-03-01\n    reason: Superseded by the renamed fixture guideline, which covers the same question.\n    replacement: /guidelines/knee/new-name/\n',
		),
	);
	const withdraw = run('check-claims.ts', ['--root', root]);
	const update = run('permalinks.ts', ['update', '--root', root]);
	return { root, steps: { moveTopic, moveName, moveSplit, splitUncovered, checkAfterSplit, withdraw, update } };
}

/** The production build of a site copy: claim check, Astro build, CSP step. Returns the output folder. */
export function buildSite(root: string): { out: string; log: string; status: number | null } {
	const out = join(root, 'dist');
	const env = buildEnv({ EH_CONTENT_DIR: join(root, 'content'), EH_OUT_DIR: out, EH_CACHE_DIR: join(root, '.cache'), EH_CHECK_CACHE: '0' });
	let log = '';
	for (const command of [
		[process.execPath, join(project, 'scripts/check-claims.ts'), '--root', root],
		[process.execPath, join(project, 'scripts/permalinks.ts'), 'check', '--root', root],
		['npx', 'astro', 'build'],
		[process.execPath, join(project, 'scripts/csp.ts'), out],
	]) {
		const r = spawnSync(command[0]!, command.slice(1), { cwd: project, encoding: 'utf8', env });
		log += `$ ${command.join(' ')}\n${r.stdout}${r.stderr}`;
		if (r.status !== 0) return { out, log, status: r.status };
	}
	return { out, log, status: 0 };
}
