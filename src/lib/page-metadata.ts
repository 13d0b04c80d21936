/**
 * Machine-readable metadata in a guideline page's `<head>`, for the tools that read pages rather
 * than our exports:
 * - Highwire Press `citation_*` tags: what Zotero's "Save to Zotero" (its Embedded Metadata
 *   translator), Google Scholar, Mendeley and EndNote Click take a citation from;
 * - schema.org `MedicalWebPage` JSON-LD for search engines: dates, review (only when one
 *   happened), audience, review status, and a `citation` for each reference;
 * - Open Graph dates and the social card.
 * All dates come from `PageDates` (src/lib/page-dates.ts), the same the page and exports show.
 */
import type { CslItem } from '../schemas/csl-item.ts';
import type { ReviewStatus } from '../schemas/review.ts';
import type { PageDates } from './page-dates.ts';
import { isoDay } from './page-dates.ts';
import { formatDate, reviewStatusLabel } from './review.ts';
import type { Withdrawal } from '../schemas/withdrawal.ts';
import { EDITORS, PUBLISHER } from './export.ts';
import { referenceLinks } from './references/links.ts';

export interface GuidelineMetadata {
	url: string;
	site: string;
	title: string;
	shortTitle?: string | undefined;
	description?: string | undefined;
	/** The bottom line as readers see it (no citation markers). */
	abstract: string;
	dates: PageDates;
	review: { status: ReviewStatus; reviewers: readonly { name: string; role?: string | undefined }[]; lastReviewed?: Date | undefined };
	audience: readonly string[];
	references: readonly CslItem[];
	/** Absolute address of the social card image, when one is built. */
	image?: { url: string; width: number; height: number; alt: string } | undefined;
}

/** A `<head>` entry as Starlight's route data holds them. */
export interface HeadEntry {
	tag: 'meta' | 'link' | 'script';
	attrs?: Record<string, string>;
	content?: string;
}

/** Highwire dates are written YYYY/MM/DD. */
function highwireDate(date: Date): string {
	return isoDay(date).replace(/-/g, '/');
}

/**
 * The `citation_*` tags, as [name, content] pairs. The author is the editors as a group: written
 * "Name," because readers split an author without a comma into first and last names ("editors,
 * Evidence Handbook"), while "Last," with nothing after the comma is kept whole (Zotero's
 * cleanAuthor, Google Scholar's "Last, First" form).
 */
export function highwireTags(meta: GuidelineMetadata): [string, string][] {
	const tags: [string, string][] = [
		['citation_title', meta.title],
		['citation_author', `${EDITORS},`],
	];
	if (meta.dates.modified) tags.push(['citation_publication_date', highwireDate(meta.dates.modified)]);
	if (meta.dates.published) tags.push(['citation_online_date', highwireDate(meta.dates.published)]);
	tags.push(
		['citation_publisher', PUBLISHER],
		// A clinical guideline is cited as a report issued by the handbook (Zotero: item type "report").
		['citation_technical_report_institution', PUBLISHER],
		['citation_abstract', meta.abstract],
		['citation_fulltext_html_url', meta.url],
		['citation_language', 'en'],
	);
	return tags;
}

const AUDIENCES: Record<string, Record<string, string>> = {
	clinicians: { '@type': 'MedicalAudience', audienceType: 'Clinician' },
	educators: { '@type': 'EducationalAudience', educationalRole: 'teacher' },
	students: { '@type': 'EducationalAudience', educationalRole: 'student' },
	patients: { '@type': 'Patient' },
};

const WORK_TYPES: Record<CslItem['type'], string> = {
	'article-journal': 'ScholarlyArticle',
	report: 'Report',
	book: 'Book',
	chapter: 'Chapter',
	webpage: 'WebPage',
	document: 'CreativeWork',
};

function person(name: NonNullable<CslItem['author']>[number]): Record<string, string> {
	if ('literal' in name) return { '@type': 'Organization', name: name.literal };
	return { '@type': 'Person', name: [name.given, name.family].filter(Boolean).join(' '), familyName: name.family, ...(name.given && { givenName: name.given }) };
}

/** One reference as a schema.org CreativeWork. */
export function citationLd(item: CslItem): Record<string, unknown> {
	const parts = item.issued?.['date-parts'][0];
	const links = referenceLinks({ DOI: item.DOI, PMID: item.PMID }).map((link) => link.href);
	const url = item.URL ?? links[0];
	const series = item['collection-title'] ?? item['container-title'];
	return {
		'@type': WORK_TYPES[item.type],
		name: item.title,
		...(item.author && { author: item.author.map(person) }),
		...(parts && { datePublished: parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-') }),
		...(series && { isPartOf: { '@type': item.type === 'article-journal' ? 'Periodical' : 'CreativeWorkSeries', name: series } }),
		...(item.publisher && { publisher: { '@type': 'Organization', name: item.publisher } }),
		...(item.volume && { volumeNumber: item.volume }),
		...(item.page && { pagination: item.page }),
		...(url && { url }),
		...(links.length > 0 && { sameAs: links }),
	};
}

/** The schema.org MedicalWebPage of the guideline. */
export function medicalWebPage(meta: GuidelineMetadata): Record<string, unknown> {
	const { dates, review } = meta;
	// lastReviewed / reviewedBy state that a clinical review happened: only when one did.
	const reviewed = review.lastReviewed ?? dates.reviewed;
	return {
		'@context': 'https://schema.org',
		'@type': 'MedicalWebPage',
		'@id': meta.url,
		url: meta.url,
		name: meta.title,
		headline: meta.title,
		...(meta.shortTitle && { alternativeHeadline: meta.shortTitle }),
		...(meta.description && { description: meta.description }),
		abstract: meta.abstract,
		inLanguage: 'en',
		isPartOf: { '@type': 'WebSite', name: PUBLISHER, url: meta.site },
		author: { '@type': 'Organization', name: EDITORS },
		publisher: { '@type': 'Organization', name: PUBLISHER, url: meta.site },
		...(dates.published && { datePublished: isoDay(dates.published) }),
		...(dates.modified && { dateModified: isoDay(dates.modified) }),
		...(reviewed && { lastReviewed: isoDay(reviewed) }),
		...(reviewed && review.reviewers.length > 0 && { reviewedBy: review.reviewers.map((r) => ({ '@type': 'Person', name: r.name, ...(r.role && { jobTitle: r.role }) })) }),
		creativeWorkStatus: reviewStatusLabel(review.status),
		audience: meta.audience.map((a) => AUDIENCES[a] ?? { '@type': 'Audience', audienceType: a }),
		...(meta.image && { image: meta.image.url }),
		citation: meta.references.map(citationLd),
	};
}

/** JSON for a `<script>` element: `<` escaped so no text in it can close the element. */
export function scriptJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The social card's description: the review status first ("Submitted, awaiting clinical review. …"). */
export function socialDescription(status: ReviewStatus, description: string | undefined): string {
	return [`${reviewStatusLabel(status)}.`, description].filter(Boolean).join(' ');
}

/**
 * What a withdrawn guideline says of itself to search engines and link previews: the withdrawal,
 * never its former recommendations (which readers must no longer follow).
 */
export function withdrawalDescription(withdrawal: Withdrawal | undefined, replacementTitle?: string): string {
	const when = withdrawal ? ` on ${formatDate(withdrawal.date)}` : '';
	const instead = withdrawal?.replacement ? ` Read instead: ${replacementTitle ?? withdrawal.replacement}.` : ' Do not use its former recommendations.';
	return `Withdrawn${when}.${withdrawal ? ` ${withdrawal.reason.trim().replace(/([^.!?])$/, '$1.')}` : ''}${instead}`;
}

/** Every head entry the guideline adds. */
export function guidelineHead(meta: GuidelineMetadata): HeadEntry[] {
	const entries: HeadEntry[] = highwireTags(meta).map(([name, content]) => ({ tag: 'meta', attrs: { name, content } }));
	if (meta.dates.modified) entries.push({ tag: 'meta', attrs: { property: 'article:modified_time', content: isoDay(meta.dates.modified) } });
	if (meta.dates.published) entries.push({ tag: 'meta', attrs: { property: 'article:published_time', content: isoDay(meta.dates.published) } });
	if (meta.image) {
		entries.push(
			{ tag: 'meta', attrs: { property: 'og:image', content: meta.image.url } },
			{ tag: 'meta', attrs: { property: 'og:image:width', content: String(meta.image.width) } },
			{ tag: 'meta', attrs: { property: 'og:image:height', content: String(meta.image.height) } },
			{ tag: 'meta', attrs: { property: 'og:image:alt', content: meta.image.alt } },
		);
	}
	entries.push({ tag: 'script', attrs: { type: 'application/ld+json' }, content: scriptJson(medicalWebPage(meta)) });
	return entries;
}
