/**
 * The rule that a statement must cite: every claim cites at least one reference (or a declared
 * evidence gap), and every citation names something that exists. Its catalogue entries (id,
 * severity, summary, fix) and its check are both here; src/lib/findings/rules.ts lists the
 * entries with every other rule. What counts as a claim is decided by src/lib/claims/analyze.ts.
 */
import type { Rule } from '../../findings/rules.ts';
import type { Finding } from '../../findings/finding.ts';
import { didYouMean } from '../../findings/suggest.ts';
import type { ContentIndex, IndexedPage } from '../../content/types.ts';

export const MUST_CITE_RULES = [
	{
		id: 'claim-uncited',
		severity: 'error',
		summary: 'Every claim (paragraph, list item, table row, quotation, callout text, bottom line) cites at least one reference; nothing is exempt for ending with ":".',
		hint: 'Add [@reference-key] for the reference that supports it, or, if the source gives none, declare an evidence gap (evidenceGaps) and cite it as [!gap-id]. Text that states nothing clinical (a line introducing a list) ends with [not-a-claim].',
	},
	{
		id: 'citation-unknown-reference',
		severity: 'error',
		summary: 'Every [@key] names a file in content/references/.',
		hint: 'Check the spelling against content/references/, or add the reference as content/references/<key>.yaml.',
	},
	{
		id: 'citation-unknown-gap',
		severity: 'error',
		summary: 'Every [!gap-id] names an entry of the page’s evidenceGaps.',
		hint: 'Declare the gap under evidenceGaps in the frontmatter (id, kind, reason), or fix the id.',
	},
] as const satisfies readonly Rule[];

type MustCiteRule = (typeof MUST_CITE_RULES)[number]['id'];
const SEVERITY = new Map(MUST_CITE_RULES.map((r) => [r.id, r.severity]));

/** A statement as quoted in a message: at most 60 characters. */
export const excerpt = (text: string) => (text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`);

/** The findings of the rule on one guideline page. */
export function mustCite(page: IndexedPage, index: Pick<ContentIndex, 'references' | 'referenceFiles'>): Finding[] {
	const out: Finding[] = [];
	const at = (rule: MustCiteRule, line: number, column: number, message: string, subject: NonNullable<Finding['subject']>) =>
		out.push({ rule, severity: SEVERITY.get(rule)!, file: page.file, line, column, message, subject });
	const gapIds = new Set(page.gaps.map((g) => g.id));
	for (const claim of page.claims) {
		const { line, column } = claim.position;
		if (claim.cites.length === 0) {
			const what = claim.kind === 'heading' ? 'This heading states a proportion but' : claim.kind === 'bottom-line' ? 'The bottom line' : `This ${claim.kind.replace('-', ' ')}`;
			const colon = claim.text.endsWith(':') ? ' (ending with ":" does not exempt it: cite it, or end it with [not-a-claim] if it only introduces what follows)' : '';
			at('claim-uncited', line, column, `${what} cites no reference: ${excerpt(claim.text)}${colon}`, { page: page.id, claim: claim.id });
		}
		claim.cites.forEach((cite, i) => {
			// At the citation itself, not at the start of its claim.
			const { line, column } = claim.citeAt?.[i] ?? claim.position;
			if (cite.type === 'ref' && !index.references.has(cite.key) && !index.referenceFiles.has(cite.key)) {
				const known = new Set([...index.referenceFiles, ...index.references.keys()]);
				at('citation-unknown-reference', line, column, `[@${cite.key}] cites a reference that does not exist (no content/references/${cite.key}.yaml).${didYouMean(cite.key, known, (k) => `[@${k}]`)}`, { page: page.id, claim: claim.id, reference: cite.key });
			}
			if (cite.type === 'gap' && !gapIds.has(cite.id)) {
				at('citation-unknown-gap', line, column, `[!${cite.id}] cites an evidence gap that is not declared in this page's evidenceGaps.${didYouMean(cite.id, gapIds, (g) => `[!${g}]`)}`, { page: page.id, claim: claim.id, gap: cite.id });
			}
		});
	}
	return out;
}
