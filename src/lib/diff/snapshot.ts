/**
 * Snapshots for the clinical diff: the content of a folder (the working tree) or of a git
 * revision, read with the same index as `npm run check`, reduced to plain data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildIndex } from '../content/load.ts';
import type { ContentIndex, IndexedPage } from '../content/types.ts';
import type { GuidelineSnapshot, Snapshot } from './engine.ts';

export function guidelineSnapshot(page: IndexedPage): GuidelineSnapshot {
	const titles = new Map(page.headings.map((h) => [h.id, h.text]));
	const fm = page.frontmatter;
	return {
		id: page.id,
		file: page.file,
		title: String(fm.title ?? page.id),
		review: (fm.review && typeof fm.review === 'object' ? fm.review : {}) as Record<string, unknown>,
		statements: page.claims.map((c) => ({
			id: c.id,
			explicit: c.explicit,
			kind: c.kind,
			text: c.text,
			section: c.section,
			sectionTitle: c.section ? (titles.get(c.section) ?? null) : null,
			refs: c.cites.flatMap((x) => (x.type === 'ref' ? [x.key] : [])),
			gaps: c.cites.flatMap((x) => (x.type === 'gap' ? [x.id] : [])),
		})),
		gaps: page.gaps.map((g) => ({ id: g.id, kind: g.kind, reason: g.reason })),
		anchorAliases: (fm.anchorAliases && typeof fm.anchorAliases === 'object' ? fm.anchorAliases : {}) as Record<string, string>,
	};
}

function walkYaml(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).sort();
}

export function snapshotOfIndex(index: ContentIndex, redirects: Record<string, string> = {}): Snapshot {
	const protocols = new Map<string, unknown>();
	const dir = join(index.contentDir, 'protocols');
	for (const f of walkYaml(dir)) {
		try {
			protocols.set(`protocols/${f.split('\\').join('/')}`, parseYaml(readFileSync(join(dir, f), 'utf8')));
		} catch {
			protocols.set(`protocols/${f}`, { '(unreadable YAML)': true });
		}
	}
	return {
		guidelines: new Map(index.pages.filter((p) => p.type === 'guideline').map((p) => [p.id, guidelineSnapshot(p)])),
		references: new Map([...index.references].map(([k, r]) => [k, r.data as unknown as Record<string, unknown>])),
		protocols,
		redirects,
	};
}

/** The content (and permalinks/) in a project folder. */
export async function snapshotOfFolder(root: string, contentDir = join(root, 'content')): Promise<Snapshot> {
	const index = await buildIndex({ root, contentDir });
	const redirectsFile = join(root, 'permalinks', 'redirects.json');
	const redirects = existsSync(redirectsFile) ? (JSON.parse(readFileSync(redirectsFile, 'utf8')) as Record<string, string>) : {};
	return snapshotOfIndex(index, redirects);
}

export class GitRefError extends Error {}

/** The content at a git revision (commit, branch, tag, HEAD~1 …) of the repository at `cwd`. */
export async function snapshotOfRef(cwd: string, ref: string, contentDir = join(cwd, 'content')): Promise<Snapshot> {
	const git = (args: string[]) => spawnSync('git', args, { cwd, maxBuffer: 1 << 30 });
	const top = git(['rev-parse', '--show-toplevel']);
	if (top.status !== 0) throw new GitRefError(`${cwd} is not inside a git repository.`);
	const repo = top.stdout.toString().trim();
	const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
	if (commit.status !== 0) throw new GitRefError(`"${ref}" is not a commit, branch or tag in this repository (try HEAD~1, main or origin/main).`);
	const sha = commit.stdout.toString().trim();
	const prefix = relative(repo, cwd);
	const contentPath = relative(repo, contentDir).split('\\').join('/');
	const paths = [contentPath, [prefix, 'permalinks'].filter(Boolean).join('/')].filter((p) => git(['cat-file', '-e', `${sha}:${p}`]).status === 0);
	const temp = mkdtempSync(join(tmpdir(), 'eh-diff-'));
	try {
		if (paths.length) {
			const archive = git(['archive', '--format=tar', sha, '--', ...paths]);
			if (archive.status !== 0) throw new GitRefError(`git archive failed: ${archive.stderr.toString().trim()}`);
			const tar = spawnSync('tar', ['-x', '-C', temp], { input: archive.stdout });
			if (tar.status !== 0) throw new GitRefError(`tar failed: ${tar.stderr.toString().trim()}`);
		}
		const root = join(temp, prefix);
		mkdirSync(join(temp, contentPath), { recursive: true });
		return await snapshotOfFolder(root, join(temp, contentPath));
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}
