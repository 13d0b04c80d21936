/**
 * Links that never break: every published page and anchor is recorded in
 * `permalinks/manifest.json`; a page or anchor that disappears must have a redirect (pages,
 * `permalinks/redirects.json`) or an alias (anchors, `anchorAliases` in the page's frontmatter,
 * resolved on the page so old links still land). Computed from the content sources with the
 * claim check's index, so the anchors are exactly the ids the pages render.
 */
import { CITED_BY_ANCHOR, GUIDELINE_ANCHORS as A, gapAnchor, referenceAnchor, topicAnchor } from './content/anchors.ts';
import { pagePath } from './content/ids.ts';
import { publishedIndex } from './content/publication.ts';
import type { ContentIndex } from './content/types.ts';

export interface Manifest {
	/** Site path → sorted anchor ids. */
	pages: Record<string, string[]>;
}

export interface PermalinkFinding {
	rule: 'permalink-page-removed' | 'permalink-anchor-removed' | 'permalink-alias-broken' | 'permalink-redirect-broken' | 'permalink-unrecorded';
	severity: 'error' | 'warning';
	/** Where to fix it. */
	file: string;
	message: string;
}


export function currentPermalinks(all: ContentIndex): Manifest {
	// What production publishes (content/publication.ts): drafts have no links to protect.
	const index = publishedIndex(all, { preview: false });
	const pages: Record<string, string[]> = {};
	for (const page of index.pages) {
		const anchors = new Set(page.headings.map((h) => h.id));
		if (page.type === 'guideline') {
			for (const c of page.claims) anchors.add(c.id);
			// The layout's sections that every guideline has (see MarkdownContent.astro and render.ts).
			for (const a of [A.bottomLine, A.references, A.relatedQuestions, A.citeThisPage, A.disclaimer]) anchors.add(a);
			if (page.gaps.length) anchors.add(A.evidenceGaps);
			for (const g of page.gaps) anchors.add(gapAnchor(g.id));
			for (const c of page.claims) for (const cite of c.cites) if (cite.type === 'ref') anchors.add(referenceAnchor(cite.key));
			if (page.frontmatter.source) anchors.add(A.source);
			if (Array.isArray(page.frontmatter.changelog) && page.frontmatter.changelog.length) anchors.add(A.changes);
		}
		pages[pagePath(page.id)] = [...anchors].sort();
	}
	for (const key of index.references.keys()) pages[`/references/${key}/`] = [CITED_BY_ANCHOR];
	// Topics with a published guideline: a list on the home page (linked from the sidebar and each
	// guideline's header) and an evidence map page.
	const topics = new Set(
		index.pages.flatMap((page) => {
			const topic = page.type === 'guideline' && pages[pagePath(page.id)] && Array.isArray(page.frontmatter.topics) ? page.frontmatter.topics[0] : undefined;
			return typeof topic === 'string' ? [topic] : [];
		}),
	);
	if (pages['/']) pages['/'] = [...new Set([...pages['/'], ...[...topics].map(topicAnchor)])].sort();
	pages['/evidence-map/'] = [];
	for (const topic of topics) pages[`/evidence-map/${topic}/`] = [];
	return { pages: Object.fromEntries(Object.entries(pages).sort(([a], [b]) => a.localeCompare(b))) };
}

export interface CompareInput {
	recorded: Manifest;
	current: Manifest;
	redirects: Record<string, string>;
	/** Site path → { old anchor: new anchor }, from each page's frontmatter. */
	aliases: Record<string, Record<string, string>>;
	/** Site path → source file, for messages. */
	files: Record<string, string>;
}

export function comparePermalinks({ recorded, current, redirects, aliases, files }: CompareInput): PermalinkFinding[] {
	const out: PermalinkFinding[] = [];
	for (const [path, anchors] of Object.entries(recorded.pages)) {
		const now = current.pages[path];
		if (!now) {
			const to = redirects[path];
			if (!to) {
				out.push({
					rule: 'permalink-page-removed',
					severity: 'error',
					file: 'permalinks/redirects.json',
					message: `The published page ${path} no longer exists. Add a redirect to permalinks/redirects.json, e.g. "${path}": "/new/path/", so shared links still work.`,
				});
			} else if (!current.pages[to]) {
				out.push({ rule: 'permalink-redirect-broken', severity: 'error', file: 'permalinks/redirects.json', message: `The redirect ${path} → ${to} points to a page that does not exist.` });
			}
			continue;
		}
		const pageAliases = aliases[path] ?? {};
		for (const anchor of anchors) {
			if (now.includes(anchor)) continue;
			const to = pageAliases[anchor];
			const file = files[path] ?? path;
			if (!to) {
				out.push({
					rule: 'permalink-anchor-removed',
					severity: 'error',
					file,
					message: `The published link ${path}#${anchor} no longer lands anywhere. Give the statement or heading back its id with [#${anchor}], or add "anchorAliases: { ${anchor}: <new-id> }" to ${file}'s frontmatter. If removing it was reviewed and intended, run npm run permalinks:update.`,
				});
			} else if (!now.includes(to)) {
				out.push({ rule: 'permalink-alias-broken', severity: 'error', file, message: `The alias #${anchor} → #${to} on ${path} points to an id that does not exist.` });
			}
		}
	}
	for (const [path, anchors] of Object.entries(current.pages)) {
		const before = recorded.pages[path];
		const fresh = before ? anchors.filter((a) => !before.includes(a)) : anchors;
		if (!before || fresh.length) {
			out.push({
				rule: 'permalink-unrecorded',
				severity: 'warning',
				file: 'permalinks/manifest.json',
				message: `${before ? `${fresh.length} new anchor(s) on ${path}` : `New page ${path}`} not yet recorded: run npm run permalinks:update and commit permalinks/manifest.json so these links are protected too.`,
			});
		}
	}
	return out;
}
