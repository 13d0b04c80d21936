/**
 * Links that never break. Every page and anchor ever published is recorded in
 * `permalinks/manifest.json`, which only grows. A recorded address must still land:
 * - a page still published: each recorded anchor is on it, or aliased (`anchorAliases`) to an id
 *   that is;
 * - a page that moved: a redirect (`permalinks/redirects.json`, written by `npm run move`) to a
 *   published page on which each recorded anchor lands (kept, aliased, or sent elsewhere by the
 *   redirect's `anchors` when a page was split);
 * - a withdrawn page: its notice stays at the address, and every anchor lands on the notice.
 * The rules of which pages and anchors are permanent are here, computed from the claim check's
 * content index, so the anchors are exactly the ids the pages render.
 */
import { CITED_BY_ANCHOR, GUIDELINE_ANCHORS as A, gapAnchor, referenceAnchor, topicAnchor } from './content/anchors.ts';
import { pagePath } from './content/ids.ts';
import { publishedIndex, withdrawnPaths } from './content/publication.ts';
import type { ContentIndex } from './content/types.ts';
import { landing, type Redirect } from './redirects.ts';
import { finding, type Finding } from './findings/finding.ts';

export interface Manifest {
	/** Site path → sorted anchor ids. */
	pages: Record<string, string[]>;
}

/** A place in a file (1-based). */
export interface Place {
	line: number;
	column: number;
}

/** A page's source file and where its frontmatter fields are ("anchorAliases.old-id": line), for findings. */
export interface SourceFile {
	file: string;
	lines?: Record<string, number>;
	columns?: Record<string, number>;
}

/** Where a frontmatter field is written (or its nearest parent; else the top of the file). */
function fieldPlace(source: SourceFile, field: string): Place {
	for (let parts = field.split('.'); parts.length; parts = parts.slice(0, -1)) {
		const key = parts.join('.');
		const line = source.lines?.[key];
		if (line !== undefined) return { line, column: source.columns?.[key] ?? 1 };
	}
	return { line: 1, column: 1 };
}

/**
 * The permanent addresses the current content publishes: guideline pages with their statements,
 * sections, references and gaps; editorial pages with their headings; reference pages; and, for
 * every topic of content/topics.yaml, its list on the home page (#topic-id) and its evidence map.
 */
export function currentPermalinks(all: ContentIndex): Manifest {
	// What production publishes (content/publication.ts): drafts have no links to protect.
	const index = publishedIndex(all, { preview: false });
	const pages: Record<string, string[]> = {};
	for (const page of index.pages) {
		const anchors = new Set(page.headings.map((h) => h.id));
		if (page.type === 'guideline') {
			for (const c of page.claims) anchors.add(c.id);
			// The layout's sections that every guideline has (see MarkdownContent.astro and render.ts).
			for (const a of [A.bottomLine, A.references, A.citeThisPage, A.disclaimer]) anchors.add(a);
			if (page.gaps.length) anchors.add(A.evidenceGaps);
			for (const g of page.gaps) anchors.add(gapAnchor(g.id));
			for (const c of page.claims) for (const cite of c.cites) if (cite.type === 'ref') anchors.add(referenceAnchor(cite.key));
			if (page.frontmatter.source) anchors.add(A.source);
			if (Array.isArray(page.frontmatter.relatedQuestions) && page.frontmatter.relatedQuestions.length) anchors.add(A.relatedQuestions);
			if (Array.isArray(page.frontmatter.changelog) && page.frontmatter.changelog.length) anchors.add(A.changes);
		}
		pages[pagePath(page.id)] = [...anchors].sort();
	}
	// A withdrawn guideline keeps its address: the notice (every old anchor on it lands there).
	for (const path of withdrawnPaths(all)) pages[path] = [A.withdrawn];
	for (const key of index.references.keys()) pages[`/references/${key}/`] = [CITED_BY_ANCHOR];
	// Every topic of content/topics.yaml: its list on the home page and its evidence map, kept while
	// the topic exists, whether or not a guideline is in it now.
	if (pages['/']) pages['/'] = [...new Set([...pages['/'], ...[...index.topics].map(topicAnchor)])].sort();
	pages['/evidence-map/'] = [];
	for (const topic of index.topics) pages[`/evidence-map/${topic}/`] = [];
	return sortManifest(pages);
}

function sortManifest(pages: Record<string, string[]>): Manifest {
	return { pages: Object.fromEntries(Object.entries(pages).sort(([a], [b]) => a.localeCompare(b))) };
}

/** The manifest after `permalinks:update`: everything recorded before plus everything published now. */
export function mergeManifests(recorded: Manifest, current: Manifest): Manifest {
	const pages: Record<string, string[]> = {};
	for (const source of [recorded.pages, current.pages]) {
		for (const [path, anchors] of Object.entries(source)) pages[path] = [...new Set([...(pages[path] ?? []), ...anchors])].sort();
	}
	return sortManifest(pages);
}

export interface CompareInput {
	recorded: Manifest;
	current: Manifest;
	redirects: readonly Redirect[];
	/** Site path → { old anchor: new anchor }, from each page's frontmatter. */
	aliases: Record<string, Record<string, string>>;
	/** Site paths of withdrawn pages: the address shows the withdrawal notice, every anchor lands on it. */
	withdrawn?: ReadonlySet<string>;
	/** Site path → source file (and its frontmatter field places), for findings. */
	files: Record<string, SourceFile>;
	/** Where each redirect (by its old address) is written in permalinks/redirects.json. */
	redirectsAt?: Record<string, Place>;
	/** Where each recorded page (by its path) is written in permalinks/manifest.json. */
	manifestAt?: Record<string, Place>;
	/** Withdrawn page → the page its notice says to read instead. */
	replacements?: Record<string, string>;
}

/** The source file a site path most likely came from, for messages about pages that are gone. */
export function likelyFile(path: string): string {
	return path === '/' ? 'content/index.mdx' : `content${path.replace(/\/$/, '')}.mdx`;
}

export function comparePermalinks({ recorded, current, redirects, aliases, withdrawn = new Set(), files, replacements = {}, redirectsAt = {}, manifestAt = {} }: CompareInput): Finding[] {
	const out: Finding[] = [];
	const REDIRECTS = 'permalinks/redirects.json';
	const source = (path: string): SourceFile => files[path] ?? { file: likelyFile(path) };
	/** A finding in a page's source file, at one of its frontmatter fields. */
	const onPage = (rule: Parameters<typeof finding>[0], path: string, field: string, message: string, anchor?: string) => {
		const src = source(path);
		const at = fieldPlace(src, field);
		out.push(finding(rule, src.file, at.line, at.column, message, { path, ...(anchor ? { anchor } : {}), field }));
	};
	/** A finding at a redirect of permalinks/redirects.json. */
	const onRedirect = (rule: Parameters<typeof finding>[0], from: string, message: string, anchor?: string) => {
		const at = redirectsAt[from] ?? { line: 1, column: 1 };
		out.push(finding(rule, REDIRECTS, at.line, at.column, message, { path: from, ...(anchor ? { anchor } : {}) }));
	};
	for (const [path, to] of Object.entries(replacements)) {
		if (current.pages[to] && !withdrawn.has(to)) continue;
		onPage(
			'permalink-replacement-broken',
			path,
			'review.withdrawal.replacement',
			`The withdrawal notice of ${path} sends readers to ${to}, which is not a published page. Set review.withdrawal.replacement to the address of the published guideline that replaces it, or leave it out.`,
		);
	}
	const byFrom = new Map(redirects.map((r) => [r.from, r]));
	/** Where #anchor on a published page lands: itself, its alias, or nowhere. */
	const lands = (path: string, anchor: string): boolean => {
		const now = current.pages[path];
		if (!now) return false;
		if (withdrawn.has(path) || now.includes(anchor)) return true;
		const alias = aliases[path]?.[anchor];
		return alias !== undefined && now.includes(alias);
	};
	for (const r of redirects) {
		if (current.pages[r.from]) {
			onRedirect(
				'permalink-redirect-shadowed',
				r.from,
				`${r.from} is a published page and also redirects to ${r.to}. Remove the redirect for ${r.from} from permalinks/redirects.json, or move the page away first (npm run move).`,
			);
		}
	}
	for (const [path, anchors] of Object.entries(recorded.pages)) {
		const now = current.pages[path];
		const redirect = byFrom.get(path);
		if (!now && !redirect) {
			// The file is gone: the finding names the file it most likely was, at its top.
			out.push(
				finding(
					'permalink-page-removed',
					likelyFile(path),
					1,
					1,
					`The published page ${path} no longer exists, so every link to it would break. ` +
						`If it moved: npm run move -- <old file> <new file> moves it and records the redirect (or add "${path}": "/new/address/" to permalinks/redirects.json). ` +
						`If it was withdrawn: keep the file with review.status: withdrawn and a review.withdrawal record ({ date, reason }, and replacement when another page replaces it), so the address explains it (CONTRIBUTING.md, "Moving or withdrawing a guideline").`,
					{ path },
				),
			);
			continue;
		}
		if (!now && redirect) {
			const target = current.pages[redirect.to];
			if (!target) {
				const next = byFrom.get(redirect.to);
				onRedirect(
					'permalink-redirect-broken',
					path,
					next
						? `The redirect ${path} → ${redirect.to} points at a page that moved again: change it to "${path}": "${next.to}" (npm run move does this for you).`
						: `The redirect ${path} → ${redirect.to} points at a page that is not published. Point it at the page's current address.`,
				);
				continue;
			}
			for (const anchor of anchors) {
				const to = landing(redirect, anchor);
				if (lands(to.path, to.anchor)) continue;
				// The likely intended value: the one published page that has this id now.
				const holders = Object.keys(current.pages).filter((p) => !withdrawn.has(p) && current.pages[p]!.includes(anchor));
				const suggestion = holders.length === 1 ? `${holders[0]}#${anchor}` : '/page/#id';
				onRedirect(
					'permalink-redirect-anchor-lost',
					path,
					`The published link ${path}#${anchor} now goes to ${to.path}#${to.anchor}, which does not exist. ` +
						`Say where that statement lives now: make the redirect { "to": "${redirect.to}", "anchors": { "${anchor}": "${suggestion}" } } in permalinks/redirects.json, ` +
						`or add "anchorAliases: { ${anchor}: <id> }" to ${source(to.path).file}.`,
					anchor,
				);
			}
			continue;
		}
		if (!now) continue;
		const file = source(path).file;
		for (const anchor of anchors) {
			if (lands(path, anchor)) continue;
			const to = aliases[path]?.[anchor];
			if (to) {
				onPage('permalink-alias-broken', path, `anchorAliases.${anchor}`, `The alias #${anchor} → #${to} on ${path} points to an id that does not exist on the page. Use one of its ids.`, anchor);
			} else {
				// The id is gone from the page: reported where an alias would go (anchorAliases, else the top of the file).
				onPage(
					'permalink-anchor-removed',
					path,
					'anchorAliases',
					`The published link ${path}#${anchor} no longer lands anywhere. Give the statement or heading back its id with [#${anchor}], ` +
						`or add "anchorAliases: { ${anchor}: <new-id> }" to ${file}'s frontmatter (for a removed statement, the id of the section that now covers it).`,
					anchor,
				);
			}
		}
	}
	for (const [path, anchors] of Object.entries(current.pages)) {
		const before = recorded.pages[path];
		const fresh = before ? anchors.filter((a) => !before.includes(a)) : anchors;
		if (!before || fresh.length) {
			const at = manifestAt[path] ?? { line: 1, column: 1 };
			out.push(
				finding(
					'permalink-unrecorded',
					'permalinks/manifest.json',
					at.line,
					at.column,
					`${before ? `${fresh.length} new anchor(s) on ${path}` : `New page ${path}`} not yet recorded: run npm run permalinks:update and commit permalinks/manifest.json so these links are protected too.`,
					{ path },
				),
			);
		}
	}
	return out;
}
