import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { commitDates, forgetCommitDates, lastCommitDate } from '../../src/lib/git.ts';

const repo = mkdtempSync(join(tmpdir(), 'eh-git-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function commit(date: string, files: Record<string, string>, message: string): void {
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(join(repo, file, '..'), { recursive: true });
		writeFileSync(join(repo, file), text);
	}
	const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
	execFileSync('git', ['add', '-A'], { cwd: repo, env });
	execFileSync('git', ['commit', '-q', '-m', message], { cwd: repo, env });
}

execFileSync('git', ['init', '-q'], { cwd: repo });
commit('2026-01-10T10:00:00Z', { 'content/a.mdx': 'a1', 'content/b.mdx': 'b1' }, 'first');
commit('2026-03-05T10:00:00Z', { 'content/a.mdx': 'a2' }, 'edit a');

describe('last-updated dates from one git log', () => {
	test('each file gets the date of the newest commit that changed it', () => {
		const dates = commitDates(repo);
		expect(dates.get(join(repo, 'content/a.mdx'))?.toISOString()).toBe('2026-03-05T10:00:00.000Z');
		expect(dates.get(join(repo, 'content/b.mdx'))?.toISOString()).toBe('2026-01-10T10:00:00.000Z');
	});

	test('paths may be relative to the working directory; files git does not know have no date', () => {
		forgetCommitDates();
		expect(lastCommitDate('content/b.mdx', repo)?.toISOString()).toBe('2026-01-10T10:00:00.000Z');
		writeFileSync(join(repo, 'content/new.mdx'), 'not committed');
		expect(lastCommitDate('content/new.mdx', repo)).toBeUndefined();
	});

	test('outside a repository there are no dates, and no error', () => {
		const bare = mkdtempSync(join(tmpdir(), 'eh-nogit-'));
		try {
			expect(commitDates(bare).size).toBe(0);
		} finally {
			rmSync(bare, { recursive: true, force: true });
		}
	});
});
