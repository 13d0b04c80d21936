/**
 * The clinical diff (src/lib/diff, `npm run diff`) on fixture git histories: a temporary repository
 * holding the check fixture's content, one commit, then edits a reviewer must see.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { diffSnapshots, diffWords, numbersIn, type ContentDiff } from '../../src/lib/diff/engine.ts';
import { formatMarkdown, highlighted } from '../../src/lib/diff/format.ts';
import { snapshotOfFolder, snapshotOfRef } from '../../src/lib/diff/snapshot.ts';

const fixture = new URL('../fixtures/check/base', import.meta.url).pathname;
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
const PAGE = 'content/guidelines/knee/sample.mdx';

const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
const git = (repo: string, ...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });

/** A repository whose first commit is the fixture content; `edit` then changes the working tree. */
function history(edit: (repo: string) => void): string {
	const repo = mkdtempSync(join(tmpdir(), 'eh-diff-'));
	temps.push(repo);
	git(repo, 'init', '-q');
	cpSync(fixture, join(repo, 'content'), { recursive: true });
	mkdirSync(join(repo, 'permalinks'));
	writeFileSync(join(repo, 'permalinks/redirects.json'), '{}\n');
	git(repo, 'add', '-A');
	git(repo, 'commit', '-q', '-m', 'fixture');
	edit(repo);
	return repo;
}
const change = (repo: string, file: string, from: string | RegExp, to: string) => {
	const text = readFileSync(join(repo, file), 'utf8');
	const next = text.replace(from, to);
	if (next === text) throw new Error(`${String(from)} not found in ${file}`);
	writeFileSync(join(repo, file), next);
};
async function diffOf(repo: string, ref = 'HEAD'): Promise<ContentDiff> {
	return diffSnapshots(await snapshotOfRef(repo, ref), await snapshotOfFolder(repo));
}

describe('statements', () => {
	test('a changed number: the statement, its section, old and new text, the numbers', async () => {
		const repo = history((r) => change(r, PAGE, 'Rest for two weeks. [@jones-2019]', 'Rest for 14-21 days. [@jones-2019]'));
		const diff = await diffOf(repo);
		expect(diff.guidelines).toHaveLength(1);
		const [c] = diff.guidelines[0]!.changed;
		expect(c).toMatchObject({ id: 'rest-two-weeks', section: 'management', sectionTitle: 'Management', before: 'Rest for two weeks.', after: 'Rest for 14-21 days.', numbers: { removed: [], added: ['14-21'] } });
		expect(highlighted(c!.parts)).toBe('Rest for ~~two weeks.~~ **14-21 days.**');
	});

	test('a statement without a permanent id that is reworded is one change, not a removal and an addition', async () => {
		const repo = history((r) => change(r, PAGE, 'Joint-line tenderness [@jones-2019; @smith-2020]', 'Joint-line tenderness on palpation [@jones-2019]'));
		const g = (await diffOf(repo)).guidelines[0]!;
		expect(g.added).toEqual([]);
		expect(g.removed).toEqual([]);
		expect(g.changed).toHaveLength(1);
		expect(g.changed[0]).toMatchObject({ before: 'Joint-line tenderness', after: 'Joint-line tenderness on palpation', citations: { added: [], removed: ['smith-2020'] } });
		expect(g.changed[0]!.previousId).toBeDefined();
	});

	test('statements added and removed, citations added, an evidence gap opened and cited', async () => {
		const repo = history((r) => {
			change(r, PAGE, '- Effusion after running [@smith-2020] [#effusion]\n', '');
			change(r, PAGE, 'Rest for two weeks. [@jones-2019] [#rest-two-weeks]', 'Rest for two weeks. [@jones-2019; @smith-2020] [#rest-two-weeks]\n\nIce for 20 minutes. [!gap-two] [#ice]');
			change(r, PAGE, 'disclaimer: professional', '  - id: gap-two\n    kind: unsupported-statement\n    reason: No source gives a duration.\ndisclaimer: professional');
		});
		const g = (await diffOf(repo)).guidelines[0]!;
		expect(g.removed.map((s) => s.id)).toEqual(['effusion']);
		expect(g.added).toEqual([expect.objectContaining({ id: 'ice', text: 'Ice for 20 minutes.', gaps: ['gap-two'], refs: [] })]);
		expect(g.changed).toEqual([expect.objectContaining({ id: 'rest-two-weeks', textUnchanged: true, citations: { added: ['smith-2020'], removed: [] } })]);
		expect(g.gapsOpened).toEqual([{ id: 'gap-two', reason: 'No source gives a duration.' }]);
	});

	test('review status, anchor aliases and a new guideline', async () => {
		const repo = history((r) => {
			change(r, PAGE, 'status: submitted', 'status: under-review');
			change(r, PAGE, 'disclaimer: professional', 'anchorAliases:\n  old-rest: rest-two-weeks\ndisclaimer: professional');
			const text = readFileSync(join(r, PAGE), 'utf8').replace('How should knee pain in a runner be managed?', 'How should a second knee problem be managed?');
			writeFileSync(join(r, 'content/guidelines/knee/second.mdx'), text);
		});
		const diff = await diffOf(repo);
		const changed = diff.guidelines.find((g) => g.id === 'guidelines/knee/sample')!;
		expect(changed.review).toEqual([{ field: 'review.status', before: 'submitted', after: 'under-review' }]);
		expect(changed.anchorAliases).toEqual([{ field: 'old-rest', after: 'rest-two-weeks' }]);
		const added = diff.guidelines.find((g) => g.id === 'guidelines/knee/second')!;
		expect(added.status).toBe('added');
		expect(added.added.length).toBeGreaterThan(0);
	});
});

describe('references, protocols and redirects', () => {
	test('a reference changed field by field, one added and one removed', async () => {
		const repo = history((r) => {
			change(r, 'content/references/smith-2020.yaml', 'title: A randomised trial of graded running.', 'title: A randomized trial of graded running.\nvolume: 52');
			writeFileSync(join(r, 'content/references/new-2024.yaml'), readFileSync(join(r, 'content/references/smith-2020.yaml'), 'utf8').replace('id: smith-2020', 'id: new-2024'));
			rmSync(join(r, 'content/references/jones-2019.yaml'));
		});
		const { references } = await diffOf(repo);
		expect(references.added).toEqual(['new-2024']);
		expect(references.removed).toEqual(['jones-2019']);
		expect(references.changed).toEqual([
			{ key: 'smith-2020', changes: [{ field: 'title', before: 'A randomised trial of graded running.', after: 'A randomized trial of graded running.' }, { field: 'volume', after: 52 }] },
		]);
	});

	test('protocol rules are named by their id; redirects are moved permalinks', async () => {
		const repo = history((r) => {
			change(r, 'content/protocols/sample.yaml', 'min: 10\n    range: [10, 14]', 'min: 14\n    range: [14, 21]');
			change(r, 'content/protocols/sample.yaml', 'maxIncrease: 0.10', 'maxIncrease: 0.05');
			writeFileSync(join(r, 'permalinks/redirects.json'), '{ "/guidelines/knee/old/": "/guidelines/knee/sample/" }\n');
		});
		const diff = await diffOf(repo);
		expect(diff.protocols).toEqual([
			{
				file: 'protocols/sample.yaml',
				status: 'changed',
				changes: [
					{ field: 'gates[painFreeWalkingDays].min', before: 10, after: 14 },
					{ field: 'gates[painFreeWalkingDays].range', before: [10, 14], after: [14, 21] },
					{ field: 'progression.maxIncrease', before: 0.1, after: 0.05 },
				],
			},
		]);
		expect(diff.redirects).toEqual([{ field: '/guidelines/knee/old/', after: '/guidelines/knee/sample/' }]);
	});

	test('nothing clinical changed: an empty diff says so', async () => {
		const repo = history((r) => change(r, PAGE, '## Assessment [#assessment]', '## Assessment [#assessment]\n'));
		const diff = await diffOf(repo);
		expect(diff.empty).toBe(true);
		expect(formatMarkdown(diff, 'HEAD')).toContain('No clinical content changed');
	});
});

describe('helpers', () => {
	test('numbers keep ranges and percentages whole', () => {
		expect(numbersIn('10-14 days, 30–50% pace, 0.10 and 6 weeks')).toEqual(['10-14', '30–50%', '0.10', '6']);
	});

	test('word diff', () => {
		expect(diffWords('a b c', 'a x c')).toEqual([
			{ op: 'same', text: 'a ' },
			{ op: 'removed', text: 'b' },
			{ op: 'added', text: 'x' },
			{ op: 'same', text: ' c' },
		]);
	});
});

describe('npm run diff', () => {
	const run = (args: string[]) => spawnSync(process.execPath, ['scripts/diff.ts', ...args], { encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } });

	test('after a committed change, HEAD~1 names the statement with old and new text (Markdown and JSON)', () => {
		const repo = history((r) => {
			change(r, PAGE, 'Rest for two weeks. [@jones-2019]', 'Rest for 10-14 days. [@jones-2019]');
			git(r, 'commit', '-q', '-am', 'ten to fourteen');
			change(r, PAGE, 'Rest for 10-14 days.', 'Rest for 14-21 days.');
			git(r, 'commit', '-q', '-am', 'fourteen to twenty-one');
		});
		const r = run(['HEAD~1', '--root', repo]);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('## Clinical changes since `HEAD~1`');
		expect(r.stdout).toContain('- `#rest-two-weeks` in *Management*');
		expect(r.stdout).toContain('  - Before: Rest for 10-14 days.');
		expect(r.stdout).toContain('  - After: Rest for 14-21 days.');
		expect(r.stdout).toContain('  - **Numbers changed:** ~~10-14~~ → **14-21**');
		const json = JSON.parse(run(['HEAD~1', '--json', '--root', repo]).stdout);
		expect(json.guidelines[0].changed[0]).toMatchObject({ id: 'rest-two-weeks', before: 'Rest for 10-14 days.', after: 'Rest for 14-21 days.' });
	});

	test('--summary appends the Markdown to $GITHUB_STEP_SUMMARY', () => {
		const repo = history((r) => change(r, PAGE, 'Rest for two weeks.', 'Rest for three weeks.'));
		const summary = join(repo, 'summary.md');
		writeFileSync(summary, '');
		const r = spawnSync(process.execPath, ['scripts/diff.ts', 'HEAD', '--summary', '--root', repo], { encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: summary } });
		expect(r.status, r.stderr).toBe(0);
		expect(readFileSync(summary, 'utf8')).toContain('  - After: Rest for three weeks.');
	});

	test('an unknown revision or no revision: exit 2 with the usage', () => {
		const repo = history(() => {});
		const bad = run(['no-such-branch', '--root', repo]);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('"no-such-branch" is not a commit, branch or tag in this repository');
		expect(run([]).status).toBe(2);
	});
});
