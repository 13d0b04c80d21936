/**
 * Schema for one evidence gap (`evidenceGaps:` in guideline frontmatter): a statement that the
 * source makes without a usable reference. A gap is the only way to publish such a statement; it
 * is cited inline as `[!gap-id]`, rendered with a visible flag, listed on the page and in the
 * check's summary, and `npm run check -- --strict` fails on it.
 */
import { z } from 'zod';
import { SLUG } from './slug.ts';

export const evidenceGapKinds = ['unresolved-citation', 'unsupported-statement'] as const;

export const EvidenceGapSchema = z.strictObject({
	/** The id used inline as `[!id]`. */
	id: z
		.string()
		.regex(SLUG, 'Use lower-case words joined by hyphens, e.g. "source-ref-8".')
		.describe('Cite it inline as [!id], e.g. [!source-ref-8].'),
	/** What is wrong. */
	kind: z
		.enum(evidenceGapKinds)
		.describe('unresolved-citation: the source cites a reference it does not list; unsupported-statement: no reference at all.'),
	/** For unresolved citations: the number or label the source used, shown to readers. */
	label: z.string().min(1).optional().describe('The citation label the source used, e.g. "8".'),
	/** Why it is published anyway and what would resolve it. Required. */
	reason: z
		.string({ error: 'Every evidence gap needs a `reason`: say what is missing and how to resolve it.' })
		.trim()
		.min(20, 'The reason must say what is missing and how to resolve it (at least a sentence).')
		.describe('What is missing and what would resolve it. Shown to readers.'),
});

export type EvidenceGap = z.output<typeof EvidenceGapSchema>;
