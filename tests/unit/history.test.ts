/**
 * Per-statement history (src/lib/diff/history.ts) on a fixture git history: statements changed
 * since the last clinical review, and per dated Changes entry, from git and the clinical diff engine.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { summarizePage } from '../../src/lib/content/page.ts';
import { statementHistory } from '../../src/lib/diff/history.ts';
import { guidelineSnapshot } from '../../src/lib/diff/snapshot.ts';

const repo = mkdtempSync(join(tmpdir(), 'eh-history-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const page = join(repo, 'content/guidelines/knee/sample.mdx');
const commit = (date: string, edit?: (t: string) => string) => {
	if (edit) writeFileSync(page, edit(readFileSync(page, 'utf8')));
	const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
	execFileSync('git', ['add', '-A'], { cwd: repo, env });
	execFileSync('git', ['commit', '-q', '-m', date], { cwd: repo, env });
};
execFileSync('git', ['init', '-q'], { cwd: repo });
cpSync(new URL('../fixtures/check/base', import.meta.url).pathname, join(repo, 'content'), { recursive: true });
commit('2026-01-10T10:00:00Z');
commit('2026-03-01T10:00:00Z', (t) => t.replace('Rest for two weeks.', 'Rest for three weeks.'));
commit('2026-05-01T10:00:00Z', (t) => t.replace('- Effusion after running [@smith-2020] [#effusion]', '- Effusion after running [@smith-2020] [#effusion]\n- Locking of the knee [@smith-2020] [#locking]'));

test('statements changed since the last review, and per dated change entry', () => {
	const current = guidelineSnapshot(summarizePage(repo, join(repo, 'content'), page));
	const history = statementHistory({
		file: page,
		root: repo,
		contentDir: join(repo, 'content'),
		current,
		lastReviewed: new Date('2026-02-01'),
		changelog: [new Date('2026-01-10'), new Date('2026-03-01'), new Date('2026-05-01')],
	});
	expect(history.sinceReview.map((s) => [s.id, s.kind])).toEqual([
		['rest-two-weeks', 'changed'],
		['locking', 'added'],
	]);
	expect(history.byEntry.get('2026-01-10')).toEqual([]); // the first version: nothing before it
	expect(history.byEntry.get('2026-03-01')).toEqual([{ id: 'rest-two-weeks', kind: 'changed', text: 'Rest for three weeks.' }]);
	expect(history.byEntry.get('2026-05-01')).toEqual([{ id: 'locking', kind: 'added', text: 'Locking of the knee' }]);
});

test('a page reviewed after its last change has nothing marked; outside git there is no history', () => {
	const current = guidelineSnapshot(summarizePage(repo, join(repo, 'content'), page));
	expect(statementHistory({ file: page, root: repo, contentDir: join(repo, 'content'), current, lastReviewed: new Date('2026-06-01'), changelog: [] }).sinceReview).toEqual([]);
	const bare = mkdtempSync(join(tmpdir(), 'eh-nohistory-'));
	try {
		expect(statementHistory({ file: join(bare, 'x.mdx'), root: bare, contentDir: bare, current, lastReviewed: new Date('2026-02-01'), changelog: [new Date('2026-03-01')] })).toEqual({ sinceReview: [], byEntry: new Map([['2026-03-01', []]]) });
	} finally {
		rmSync(bare, { recursive: true, force: true });
	}
});
