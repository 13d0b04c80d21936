/**
 * Per-statement history for readers, from git and the clinical diff engine: which statements of a
 * guideline changed since its last clinical review, and which changed in the period of each dated
 * "Changes" entry. Reads one `git log` per page file and `git show` per version compared.
 */
import { spawnSync } from 'node:child_process';
import { dirname, relative } from 'node:path';
import { summarizePage } from '../content/page.ts';
import { diffGuideline, type GuidelineSnapshot } from './engine.ts';
import { guidelineSnapshot } from './snapshot.ts';

export interface Version {
	sha: string;
	date: Date;
}

function git(cwd: string, args: string[]): string | undefined {
	const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
	return r.status === 0 ? r.stdout : undefined;
}

/** Commits that changed `file`, newest first (empty outside git or for an uncommitted file). */
export function versions(file: string, cwd = dirname(file)): Version[] {
	const out = git(cwd, ['log', '--format=%H%x09%cI', '--', file]);
	return (out ?? '')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [sha, date] = line.split('\t');
			return { sha: sha!, date: new Date(date!) };
		});
}

/** The page as it was in the newest commit at or before `date` (undefined when none). */
export function versionAt(list: Version[], date: Date): Version | undefined {
	return list.find((v) => v.date.getTime() <= date.getTime() + 24 * 3600 * 1000 - 1);
}

function snapshotAt(version: Version, file: string, root: string, contentDir: string): GuidelineSnapshot | undefined {
	const top = git(root, ['rev-parse', '--show-toplevel'])?.trim();
	if (!top) return undefined;
	const text = git(top, ['show', `${version.sha}:${relative(top, file).split('\\').join('/')}`]);
	return text === undefined ? undefined : guidelineSnapshot(summarizePage(root, contentDir, file, text));
}

export interface StatementHistory {
	/** Statement ids changed or added since the last review, with what changed. */
	sinceReview: { id: string; kind: 'changed' | 'added'; text: string }[];
	/** Per changelog date (ISO day): statements changed or added in the period ending that day. */
	byEntry: Map<string, { id: string; kind: 'changed' | 'added'; text: string }[]>;
}

function changes(before: GuidelineSnapshot | undefined, after: GuidelineSnapshot | undefined) {
	if (!before || !after) return [];
	const diff = diffGuideline(before, after);
	if (!diff) return [];
	return [
		...diff.changed.map((c) => ({ id: c.id, kind: 'changed' as const, text: c.after })),
		...diff.added.map((s) => ({ id: s.id, kind: 'added' as const, text: s.text })),
	];
}

/**
 * History of one guideline: `current` is the page as it is now; `lastReviewed` and the changelog
 * dates come from its frontmatter.
 */
export function statementHistory(
	options: { file: string; root: string; contentDir: string; current: GuidelineSnapshot; lastReviewed?: Date | undefined; changelog: Date[] },
): StatementHistory {
	const { file, root, contentDir, current } = options;
	const list = versions(file, root);
	const cache = new Map<string, GuidelineSnapshot | undefined>();
	const at = (date: Date) => {
		const v = versionAt(list, date);
		if (!v) return undefined;
		if (!cache.has(v.sha)) cache.set(v.sha, snapshotAt(v, file, root, contentDir));
		return cache.get(v.sha);
	};
	const sinceReview = options.lastReviewed ? changes(at(options.lastReviewed), current) : [];
	const byEntry = new Map<string, { id: string; kind: 'changed' | 'added'; text: string }[]>();
	const dates = [...options.changelog].sort((a, b) => a.getTime() - b.getTime());
	const load = (v: Version | undefined) => {
		if (!v) return undefined;
		if (!cache.has(v.sha)) cache.set(v.sha, snapshotAt(v, file, root, contentDir));
		return cache.get(v.sha);
	};
	dates.forEach((date, i) => {
		const after = at(date);
		// The first entry's period starts at the version before the one it describes.
		const own = versionAt(list, date);
		const before = i > 0 ? at(dates[i - 1]!) : own ? load(list[list.indexOf(own) + 1]) : undefined;
		byEntry.set(date.toISOString().slice(0, 10), changes(before, after));
	});
	return { sinceReview, byEntry };
}
