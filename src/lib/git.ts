/**
 * Last-updated dates from git for files in content/ (Starlight's own lastUpdated only sees
 * src/content/docs). Returns undefined when there is no git history for the file (a fresh file,
 * an export without .git, a shallow clone missing the commit): the page then shows no date rather
 * than a wrong one.
 */
import { spawnSync } from 'node:child_process';

const cache = new Map<string, Date | undefined>();

export function lastCommitDate(file: string, cwd = process.cwd()): Date | undefined {
	if (cache.has(file)) return cache.get(file);
	const r = spawnSync('git', ['log', '-1', '--format=%cI', '--', file], { cwd, encoding: 'utf8' });
	const text = r.status === 0 ? r.stdout.trim() : '';
	const date = text ? new Date(text) : undefined;
	const valid = date && !Number.isNaN(date.getTime()) ? date : undefined;
	cache.set(file, valid);
	return valid;
}
