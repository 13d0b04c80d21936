/**
 * The anchor registry: every id the site renders besides the content's own heading and statement
 * ids (like Starlight's `PAGE_TITLE_ID`). The layout, the table of contents, the renderer, the
 * islands, the permalink manifest and the claim check all import these, so a statement can never
 * take an id the page already uses (the check rejects it: rule id-duplicate).
 */

/** Fixed sections of a guideline page, in the order they are rendered. */
export const GUIDELINE_ANCHORS = {
	/** The bottom-line box's heading (the bottom-line statement itself has its own id). */
	bottomLine: 'bottom-line-heading',
	references: 'references',
	editorialNotes: 'editorial-notes',
	evidenceGaps: 'evidence-gaps',
	relatedQuestions: 'related-questions',
	changes: 'changes',
	citeThisPage: 'cite-this-page',
	source: 'source',
	/** Authors, reviewers and their declared interests (trust model). */
	authorship: 'authorship',
	disclaimer: 'disclaimer',
	/** The withdrawal notice of a withdrawn guideline (its only content). */
	withdrawn: 'withdrawn',
} as const;

/** The bottom-line statement's id when the bottom line gives none of its own (`[#id]`). */
export const BOTTOM_LINE_ID = 'bottom-line';

/** Starlight's own id for the page title (`PAGE_TITLE_ID` in @astrojs/starlight/constants.ts). */
export const PAGE_TITLE_ID = '_top';

/** The reference list entry for a citation key. */
export const referenceAnchor = (key: string) => `ref-${key}`;
/** The evidence-gap list entry for a gap id. */
export const gapAnchor = (id: string) => `gap-${id}`;
/** The editorial-note list entry for a note id. */
export const noteAnchor = (id: string) => `note-${id}`;
/** The one citation preview (src/components/CitePreviews.astro), filled on demand. */
export const CITE_PREVIEW_ID = 'cite-preview';
/**
 * The explanation of a graded statement's grade (src/lib/claims/grade-view.ts), under the
 * statement: its id plus `-grade`. The check rejects a heading or statement that takes the id of
 * one (rule id-duplicate); ids merely ending in -grade are free when no such statement is graded.
 */
export const gradeAnchor = (claimId: string) => `${claimId}-grade`;
/** A radio button of the grade filter on an evidence map topic page (src/components/GradeFilter.astro). */
export const gradeFilterId = (group: 'strength' | 'certainty', value: string) => `grade-filter-${group}-${value}`;
/** A topic's section on the home page. */
export const topicAnchor = (topic: string) => `topic-${topic}`;

/** On a reference page: the list of statements citing it. */
export const CITED_BY_ANCHOR = 'cited-by';

/**
 * Ids inside the calculators (islands) on a guideline's body: each instance has its own prefix,
 * e.g. island-2-calc-pace for the second calculator on the page, so two never share an id.
 */
export const islandPrefix = (instance: number, kind: 'phase' | 'calc') => `island-${instance}-${kind}`;

/** Prefixes of generated ids on a guideline page: reference, gap and note entries, islands ('cite-tip-' held per-citation tooltips once; kept reserved). */
export const RESERVED_PREFIXES = ['ref-', 'gap-', 'note-', 'cite-tip-', 'island-'] as const;

/** Every fixed id on a guideline page. */
export const RESERVED_IDS: ReadonlySet<string> = new Set([...Object.values(GUIDELINE_ANCHORS), PAGE_TITLE_ID, CITE_PREVIEW_ID]);

/** Why a heading or statement id cannot be used on a guideline page, or undefined when it can. */
export function reservedReason(id: string): string | undefined {
	if (RESERVED_IDS.has(id)) return 'is reserved for a section the page layout adds';
	const prefix = RESERVED_PREFIXES.find((p) => id.startsWith(p));
	if (prefix) return `starts with "${prefix}", which is reserved for ids the page layout generates`;
	return undefined;
}
