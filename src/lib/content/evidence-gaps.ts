/**
 * A guideline's evidence gaps (frontmatter `evidenceGaps`), parsed once for everything that reads
 * them: the page renderer (src/lib/markdown/evidence-plugin.ts) and the content index
 * (src/lib/content/page.ts), which the check, exports, permalinks and diffs read.
 *
 * Each entry is checked against the schema (src/schemas/evidence-gap.ts). The page shows only
 * valid gaps; the check also counts an invalid entry that names an id as declared, so a
 * statement citing it gets the entry's schema error, not a second "gap not declared" error.
 */
import { EvidenceGapSchema, type EvidenceGap } from '../../schemas/evidence-gap.ts';

/** One entry of `evidenceGaps`, as written. */
export interface DeclaredGap {
	/** Position in the list (the frontmatter field is `evidenceGaps.<index>`). */
	index: number;
	/** The id it names, when it names one. */
	id?: string;
	/** The entry when it is valid against the schema. */
	valid?: EvidenceGap;
	/** The entry as written (for the check's own messages about it). */
	raw: Record<string, unknown>;
}

/** Every entry of the page's `evidenceGaps`, in order (none when the field is missing or not a list). */
export function declaredGaps(frontmatter: Record<string, unknown>): DeclaredGap[] {
	const list = Array.isArray(frontmatter.evidenceGaps) ? (frontmatter.evidenceGaps as unknown[]) : [];
	return list.map((entry, index) => {
		const raw = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
		const parsed = EvidenceGapSchema.safeParse(entry);
		return {
			index,
			raw,
			...(typeof raw.id === 'string' && { id: raw.id }),
			...(parsed.success && { valid: parsed.data }),
		};
	});
}

/** The gaps the page publishes: the valid entries. */
export function publishedGaps(frontmatter: Record<string, unknown>): EvidenceGap[] {
	return declaredGaps(frontmatter).flatMap((g) => (g.valid ? [g.valid] : []));
}

/**
 * The gaps the check knows by id: every valid entry, and every invalid one that names an id (as
 * written: its schema error is reported at the entry).
 */
export function gapsById(frontmatter: Record<string, unknown>): EvidenceGap[] {
	return declaredGaps(frontmatter).flatMap((g) => (g.valid ? [g.valid] : g.id !== undefined ? [g.raw as EvidenceGap] : []));
}
