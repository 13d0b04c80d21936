/**
 * Exports of a guideline: the machine-readable JSON for teaching tools and the page's own
 * citation (for "Cite this page" and the downloads), built from the claim check's index.
 */
import type { ContentIndex, IndexedPage } from './content/types.ts';
import type { GuidelineExport } from '../schemas/guideline-export.ts';
import { GUIDELINE_EXPORT_VERSION } from '../schemas/guideline-export.ts';
import type { CslItem } from '../schemas/csl-item.ts';
import type { ReviewStatus } from '../schemas/review.ts';
import { cslItem, prepareReferencesHtml } from './references/csl.ts';
import { cslDate, isoDay, pageDates, type PageDates } from './page-dates.ts';
import { lastCommitDate } from './git.ts';
import { ReviewSchema } from '../schemas/review.ts';
import { PersonSchema, type Person } from '../schemas/person.ts';
import { nextReviewDate } from './review.ts';
import { pageGrades } from './grading.ts';
import { currentShard } from './build/shards.ts';
import { resolve } from 'node:path';

/** Who the handbook's pages are by and published by (a group author: cited as one name). */
export const PUBLISHER = 'Evidence Handbook';
export const EDITORS = 'Evidence Handbook editors';

export function pageUrl(site: string, id: string): string {
	return new URL(`/${id}/`, site).href;
}

/** Where the exports of a guideline are, e.g. /export/guidelines/topic/page.ris. */
export function exportPath(id: string, extension: 'json' | 'csl.json' | 'bib' | 'ris'): string {
	return `/export/${id}.${extension}`;
}

/** The published JSON Schema of the guideline export (versioned: a new major version gets a new file). */
export const EXPORT_SCHEMA_PATH = `/export/guideline-export.v${GUIDELINE_EXPORT_VERSION}.schema.json`;

/** The page's citation key: `evidence-handbook-` + its path below guidelines/ (unique per page). */
export function pageCitationKey(id: string): string {
	return `evidence-handbook-${id.replace(/^guidelines\//, '').split('/').join('-')}`;
}

/**
 * The page itself as a CSL item. Its date is the page's last change (`PageDates.modified`: git,
 * or an explicit frontmatter date), never the build date; without one the item has no date.
 * `accessed` is the same day: the version cited (a build must not change a citation).
 */
export function pageCitation(page: { id: string; title: string }, site: string, dates: PageDates): CslItem {
	return {
		id: pageCitationKey(page.id),
		'citation-key': pageCitationKey(page.id),
		type: 'webpage',
		title: page.title,
		author: [{ literal: EDITORS }],
		// No container-title: it would repeat the publisher, and Vancouver would then cite the page as
		// a part of the "Evidence Handbook" homepage, with its title after the date.
		publisher: PUBLISHER,
		URL: pageUrl(site, page.id),
		...(dates.modified && { issued: cslDate(dates.modified), accessed: cslDate(dates.modified) }),
		custom: { evidence: { kind: 'clinical-guideline', tier: 'secondary', publisher: PUBLISHER } },
	};
}

const citationsPrepared = new WeakMap<ContentIndex, Set<string>>();

/**
 * Formats every published guideline's own citation ("Cite this page") in one batch, once per
 * build and site address, so that each page then finds its citation made instead of running the
 * citation processor on its own (prepareReferencesHtml: the same text, a third of the time).
 */
export function preparePageCitations(index: ContentIndex, site: string): void {
	const done = citationsPrepared.get(index) ?? new Set<string>();
	citationsPrepared.set(index, done);
	if (done.has(site)) return;
	done.add(site);
	// A shard of a sharded build (build/shards.ts) renders only its own guideline pages.
	const shard = currentShard();
	const rendered = shard ? new Set(shard.files.map((file) => resolve(index.root, file))) : undefined;
	const pages = index.pages.filter((page) => page.type === 'guideline' && (!rendered || rendered.has(resolve(index.root, page.file))));
	prepareReferencesHtml(pages.map((page) => pageCitation({ id: page.id, title: String(page.frontmatter.title) }, site, pageDates(page.frontmatter, page.file))));
}

// Each reference's CSL item, made once per build: every guideline citing it gets the same item, so
// the downloads format it once (export-formats.ts keeps each item's record) instead of once per page.
const itemByReference = new WeakMap<object, CslItem>();

/** The references a page cites, in first-citation order, as the CSL items every export gives (shared: do not change them). */
export function pageReferences(index: ContentIndex, page: IndexedPage): CslItem[] {
	const keys = [...new Set(page.claims.flatMap((c) => c.cites.flatMap((x) => (x.type === 'ref' ? [x.key] : []))))];
	return keys.flatMap((key) => {
		const ref = index.references.get(key);
		if (!ref) return [];
		let item = itemByReference.get(ref);
		if (!item) {
			// An online item's access date: when an editor last checked it against the publication
			// (x-verified), else when its file last changed.
			const checked = ref.data.URL ? (ref.data['x-verified']?.date ?? lastCommitDate(ref.file, index.root)) : undefined;
			item = cslItem(ref.data, checked ? { accessed: cslDate(checked) } : {});
			itemByReference.set(ref, item);
		}
		return [item];
	});
}

/** The entries of a frontmatter list of people that match the schema (the check reports the others). */
function validPeople(raw: unknown): Person[] {
	if (!Array.isArray(raw)) return [];
	return raw.flatMap((entry) => {
		const parsed = PersonSchema.safeParse(entry);
		return parsed.success ? [parsed.data] : [];
	});
}

export function guidelineExport(index: ContentIndex, page: IndexedPage, site: string, dates: PageDates = pageDates(page.frontmatter, page.file)): GuidelineExport {
	const url = pageUrl(site, page.id);
	const title = String(page.frontmatter.title);
	// The trust model (review cycle, people, grades), read through the schemas the page itself uses.
	const review = ReviewSchema.safeParse(page.frontmatter.review);
	const next = review.success ? nextReviewDate(review.data, index.settings.review.intervalYears) : undefined;
	const searched = review.success ? review.data.literatureSearchedThrough : undefined;
	const grades = pageGrades(page.frontmatter);
	return {
		$schema: new URL(EXPORT_SCHEMA_PATH, site).href,
		version: GUIDELINE_EXPORT_VERSION,
		id: page.id,
		url,
		title,
		reviewStatus: ((page.frontmatter.review as { status?: ReviewStatus } | undefined)?.status ?? 'draft') as ReviewStatus,
		dates: {
			...(dates.modified && { modified: isoDay(dates.modified) }),
			...(dates.published && { published: isoDay(dates.published) }),
			...(dates.reviewed && { lastReviewed: isoDay(dates.reviewed) }),
			...(next && { nextReview: isoDay(next) }),
			...(searched && { literatureSearchedThrough: isoDay(searched) }),
		},
		citation: pageCitation({ id: page.id, title }, site, dates),
		sections: page.headings.filter((h) => h.depth <= 3).map((h) => ({ id: h.id, title: h.text, url: `${url}#${h.id}` })),
		claims: page.claims.map((c) => ({
			id: c.id,
			url: `${url}#${c.id}`,
			kind: c.kind,
			section: c.section,
			text: c.text,
			references: c.cites.flatMap((x) => (x.type === 'ref' ? [x.key] : [])),
			evidenceGaps: c.cites.flatMap((x) => (x.type === 'gap' ? [x.id] : [])),
			...(c.kind !== 'heading' && grades.has(c.id) && { grade: grades.get(c.id)! }),
		})),
		authors: validPeople(page.frontmatter.authors),
		reviewers: review.success ? review.data.reviewers : [],
		references: pageReferences(index, page),
		evidenceGaps: page.gaps,
	};
}
