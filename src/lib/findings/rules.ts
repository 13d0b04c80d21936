/**
 * Every rule of the claim check and the permalink check: stable ids (editors see them in every
 * message; CONTRIBUTING.md lists them), default severity and the one-line fix shown under each finding.
 */
import { MUST_CITE_RULES } from '../check/rules/must-cite.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Rule {
	id: string;
	severity: Severity;
	/** What the rule guarantees, for the catalogue. */
	summary: string;
	/** How to fix a finding, shown under it. */
	hint: string;
}

const rules = [
	{
		id: 'mdx-invalid',
		severity: 'error',
		summary: 'Every page parses as MDX (Astro could not build it otherwise).',
		hint: 'Fix the syntax at the line shown. In MDX "<", "{" and "}" start code: write \\<, \\{ or \\} for the characters themselves.',
	},
	{
		id: 'mdx-import',
		severity: 'error',
		summary: 'Pages import and export nothing: they are content, not code (components are provided by the site).',
		hint: 'Delete the import/export line. The components pages may use (CONTRIBUTING.md, "Components") need no import; anything else needs a developer to add it to src/lib/markdown/components.ts.',
	},
	{
		id: 'mdx-expression',
		severity: 'error',
		summary: 'Pages hold no {expressions} (code that runs when the site is built); MDX comments {/* … */} are allowed.',
		hint: 'Write the text or number itself. For a literal brace write \\{ or \\}; for a note to other editors write {/* comment */}.',
	},
	{
		id: 'mdx-element-forbidden',
		severity: 'error',
		summary: 'Pages use Markdown and the allowed components only: no raw HTML or other JSX elements (<div>, <p>, <iframe>, <object>, <script> …).',
		hint: 'Write it in Markdown (paragraphs, **bold**, lists, tables, > quotations, :::note callouts) or use an allowed component (CONTRIBUTING.md, "Components").',
	},
	{
		id: 'mdx-prop-forbidden',
		severity: 'error',
		summary: 'Components get only their allowed props, as literal values from the allowed set; no event handlers (on*), no spread or computed props.',
		hint: 'Use the props CONTRIBUTING.md lists for the component, written as name="value"; delete any on… handler or {…} value.',
	},
	{
		id: 'url-unsafe',
		severity: 'error',
		summary: 'No link, image or prop uses a script-capable URL (javascript:, vbscript:, data:, file:).',
		hint: 'Link to an https:// address or a site path (/guidelines/…); put images in public/ and link to them by path.',
	},
	// The rule that a statement must cite: its entries live with its check.
	...MUST_CITE_RULES.slice(0, 1),
	{
		id: 'not-a-claim-invalid',
		severity: 'error',
		summary: 'Only a paragraph or list item that states nothing clinical is marked [not-a-claim]: it cites nothing and states no number; headings, table rows and the bottom line cannot be marked.',
		hint: 'Remove [not-a-claim] and cite the statement with [@key] (or an evidence gap [!gap-id]); keep the marker only on text such as a line that introduces a list.',
	},
	{
		id: 'code-block-forbidden',
		severity: 'error',
		summary: 'Guidelines hold no code blocks (``` or indented by four spaces): clinical text in them would be published unchecked.',
		hint: 'Write the text as paragraphs or list items that cite their reference; remove the ``` fences or the four-space indent.',
	},
	...MUST_CITE_RULES.slice(1),
	{
		id: 'marker-malformed',
		severity: 'error',
		summary: 'Citation and id markers are well-formed: [@key; @key2], [!gap-id], [#id].',
		hint: 'Write [@key] for references, [!gap-id] for evidence gaps and [#id] for a permanent id; keys and ids are lower-case words joined by hyphens.',
	},
	{
		id: 'marker-misplaced',
		severity: 'error',
		summary: 'Citations sit in the claim they support, not in list introductions or table headers.',
		hint: 'Move the citation into the statement it supports.',
	},
	{
		id: 'id-duplicate',
		severity: 'error',
		summary: 'Heading and claim ids are unique on their page (generated ids included).',
		hint: 'Give one of them a different explicit id with [#new-id] at the end of the statement or heading.',
	},
	{
		id: 'heading-id-missing',
		severity: 'error',
		summary: 'Every section heading of a guideline carries an explicit, permanent [#id].',
		hint: 'End the heading with [#short-id]; links to the section keep working when its wording changes.',
	},
	{
		id: 'gap-reason-missing',
		severity: 'error',
		summary: 'An evidence gap (an exception to citing) has a written reason.',
		hint: 'Add reason: saying what is missing and what would resolve it.',
	},
	{
		id: 'gap-unused',
		severity: 'warning',
		summary: 'Every declared evidence gap is cited by a statement.',
		hint: 'Cite it as [!gap-id] where it applies, or remove the entry.',
	},
	{
		id: 'exception',
		severity: 'info',
		summary: 'A statement published with an evidence gap instead of a reference (listed in the summary; an error with --strict).',
		hint: 'Find a reference and cite it, or remove the statement after clinical review.',
	},
	{
		id: 'frontmatter-invalid',
		severity: 'error',
		summary: 'Page frontmatter matches its schema (src/schemas/).',
		hint: 'Fix the field as the message says; the Editor guide (content/editor-guide.md) lists every field with its allowed values.',
	},
	{
		id: 'date-in-future',
		severity: 'error',
		summary: 'Dates that record what happened are not in the future: review.submitted, review.lastReviewed, review.literatureSearchedThrough, review.withdrawal.date, changelog dates, source.lastUpdated, and a reference’s full issued or accessed date and x-verified.date (review.nextReview may be).',
		hint: 'Write the date it actually happened (YYYY-MM-DD); check the year. A date still to come, such as the next review, goes in review.nextReview.',
	},
	{
		id: 'frontmatter-unknown-link',
		severity: 'error',
		summary: 'topics and disclaimer name existing entries (Astro only logs a missing reference and builds anyway).',
		hint: 'Use an id from content/topics.yaml or a file name from content/disclaimers/.',
	},
	{
		id: 'topic-folder-mismatch',
		severity: 'error',
		summary: 'A guideline sits in the folder of its first topic.',
		hint: 'Move the file to content/guidelines/<first-topic>/ or reorder topics.',
	},
	{
		id: 'reference-invalid',
		severity: 'error',
		summary: 'Reference files are valid CSL-YAML with our fields; DOI, PMID and URL are well-formed.',
		hint: 'Fix the field as the message says (see content/references/ for examples).',
	},
	{
		id: 'reference-missing-field',
		severity: 'error',
		summary: 'References carry the fields their type needs, or declare them in x-missing with a reason.',
		hint: 'Add the field from the publication, or list it under x-missing.fields with a reason; never invent it.',
	},
	{
		id: 'reference-unused',
		severity: 'warning',
		summary: 'Every reference is cited somewhere.',
		hint: 'Cite it where it supports a statement, or delete the file if it is no longer needed.',
	},
	{
		id: 'data-invalid',
		severity: 'error',
		summary: 'Data files in content/ (topics.yaml, settings.yaml, disclaimers/, protocols/) match their schemas (src/schemas/).',
		hint: 'Fix the field as the message says; each schema in src/schemas/ describes its fields.',
	},
	{
		id: 'protocol-claim-unknown',
		severity: 'error',
		summary: 'Protocol rules (content/protocols/) cite claim ids that exist on their guideline.',
		hint: 'Point the rule at an existing claim id (see the [#id] markers on the page), or restore the claim.',
	},
	{
		id: 'protocol-number-mismatch',
		severity: 'error',
		summary: 'Every number of a protocol rule (gates, ranges, fractions, intervals, timeline weeks, increments) is stated by a claim it cites (0.3 ↔ "30%", 0.10 ↔ "10%", 2 days ↔ "alternate days"); a range is stated as that range ([10, 14] ↔ "10-14", [0.3, 0.5] ↔ "30-50%"), not as two numbers anywhere in the text.',
		hint: 'Make the protocol and the statement agree: change the number in content/protocols/ to the one the statement gives, or, after clinical review, the statement (and its citation) to match.',
	},
	{
		id: 'bottom-line-number-unsupported',
		severity: 'error',
		summary: 'Every number in the bottom line is stated by a claim in the body of the page.',
		hint: 'Use the number the body states, or add the cited statement that gives it to the body.',
	},
	{
		id: 'file-name-invalid',
		severity: 'error',
		summary: 'Guideline, page and reference file names are lower-case slugs (the name is the id and the address).',
		hint: 'Rename the file to lower-case words joined by hyphens, e.g. my-new-guideline.mdx (then npm run permalinks:update).',
	},
	{
		id: 'file-name-duplicate',
		severity: 'error',
		summary: 'No two files differ only in letter case (one page would silently replace the other).',
		hint: 'Rename one of the two files.',
	},
	{
		id: 'editorial-note-unknown-reference',
		severity: 'error',
		summary: 'Every key in an editorial note’s references names a file in content/references/ (the note is shown on that reference).',
		hint: 'Check the spelling against content/references/ (the file name without .yaml), or remove the key from the note’s references.',
	},
	{
		id: 'islands-unknown-protocol',
		severity: 'error',
		summary: 'Every <Islands protocol="…"> names a protocol file in content/protocols/.',
		hint: 'Use the file name (without .yaml) of a protocol in content/protocols/, e.g. <Islands protocol="return-to-running" />.',
	},
	{
		id: 'protocol-invalid',
		severity: 'error',
		summary: 'Protocol files name an existing guideline.',
		hint: 'Set guideline: to the page id, e.g. guidelines/running-injuries/runner-medial-thigh-knee-pain.',
	},
	{
		id: 'grade-unknown-statement',
		severity: 'error',
		summary: 'Every entry of a guideline’s grades names a statement on that page by its [#id].',
		hint: 'Use the [#id] at the end of the statement you grade (the bottom line is "bottom-line"), or give the statement that id.',
	},
	{
		id: 'grade-uncited',
		severity: 'error',
		summary: 'A graded statement cites at least one reference (an evidence gap alone cannot carry a grade).',
		hint: 'Cite the reference the grade rests on with [@key], or remove the grade.',
	},
	{
		id: 'grade-discordant',
		severity: 'error',
		summary: 'A strong recommendation does not rest only on expert opinion or narrative reviews unless a justification is written (GRADE: discordant recommendation).',
		hint: 'Make it conditional, cite the stronger evidence it rests on, or write grades.<id>.justification saying why it is strong anyway (e.g. severe, irreversible harm if not followed).',
	},
	{
		id: 'grade-certainty-unsupported',
		severity: 'error',
		summary: 'The certainty of a graded statement does not exceed what its cited evidence kinds support (randomised trials, systematic reviews, guidelines: high; cohort studies: low; case series, narrative reviews, expert opinion, unclassified: very low) unless a justification is written.',
		hint: 'Lower the certainty, cite the stronger evidence, correct the reference’s x-evidence.kind, or write grades.<id>.justification saying why the certainty is rated up.',
	},
	{
		id: 'review-due-soon',
		severity: 'warning',
		summary: 'A guideline whose next clinical review is due within review.warnDaysBefore days (content/settings.yaml) is announced ahead of time.',
		hint: 'Schedule the review; when it is done, set review.lastReviewed to its date and update or remove review.nextReview.',
	},
	{
		id: 'review-overdue',
		severity: 'warning',
		summary: 'A guideline past its next review date is listed (the page shows "Review overdue" and the home page lists it).',
		hint: 'Review the page against current evidence, then set review.lastReviewed to the review date and update or remove review.nextReview.',
	},
	{
		id: 'permalink-anchor-removed',
		severity: 'error',
		summary: 'Every published #anchor still lands on its page (permalinks/manifest.json records them).',
		hint: 'Give the statement or heading back its [#id], or add anchorAliases: { old-id: new-id } to the page’s frontmatter (for a removed statement, the id of the section that now covers it).',
	},
	{
		id: 'permalink-alias-broken',
		severity: 'error',
		summary: 'Every anchorAliases entry points at an id that exists on the page.',
		hint: 'Change the alias to one of the page’s [#id]s.',
	},
	{
		id: 'permalink-page-removed',
		severity: 'error',
		summary: 'Every published page still exists, redirects to its new address or shows its withdrawal notice.',
		hint: 'If it moved: npm run move -- <old file> <new file>. If it was withdrawn: keep the file with review.status: withdrawn and review.withdrawal { date, reason }.',
	},
	{
		id: 'permalink-redirect-broken',
		severity: 'error',
		summary: 'permalinks/redirects.json is valid and each redirect points at a published page (no chains).',
		hint: 'Point the redirect at the page’s current address (npm run move keeps redirects up to date).',
	},
	{
		id: 'permalink-redirect-anchor-lost',
		severity: 'error',
		summary: 'Every anchor of a moved page lands on its new page, or where a split sent it.',
		hint: 'Add "anchors": { "old-id": "/page/#id" } to the redirect, or an anchorAliases entry on the new page.',
	},
	{
		id: 'permalink-redirect-shadowed',
		severity: 'error',
		summary: 'No address is both a published page and a redirect.',
		hint: 'Remove the redirect from permalinks/redirects.json (the page is back), or move the page away with npm run move.',
	},
	{
		id: 'permalink-replacement-broken',
		severity: 'error',
		summary: 'A withdrawal notice’s replacement is a published page.',
		hint: 'Set review.withdrawal.replacement to the address of the published guideline that replaces it, or leave it out.',
	},
	{
		id: 'permalink-unrecorded',
		severity: 'warning',
		summary: 'New pages and anchors are recorded in permalinks/manifest.json, so they are protected too.',
		hint: 'Run npm run permalinks:update and commit permalinks/manifest.json.',
	},
] as const satisfies readonly Rule[];

export type RuleId = (typeof rules)[number]['id'];
export const RULES: ReadonlyMap<RuleId, Rule> = new Map(rules.map((r) => [r.id, r]));
export const RULE_LIST: readonly Rule[] = rules;
