/**
 * Which bibliographic fields each reference type needs, and which of them a reference lacks.
 * A field the source does not give may be declared in `x-missing` with a reason instead.
 */
import type { Reference } from '../../schemas/reference.ts';

type Field = 'author' | 'container-title' | 'publisher' | 'issued' | 'volume' | 'page' | 'DOI' | 'PMID' | 'URL';

/** Required fields per CSL type. `a|b` means either will do. */
export const REQUIRED_FIELDS: Record<Reference['type'], readonly (Field | `${Field}|${Field}`)[]> = {
	'article-journal': ['author', 'container-title', 'issued'],
	report: ['author|container-title', 'issued'],
	book: ['author', 'publisher', 'issued'],
	chapter: ['author', 'container-title', 'publisher', 'issued'],
	webpage: ['URL', 'issued'],
	document: ['author|publisher', 'issued'],
};

/** Fields the type requires that are neither present nor declared missing. */
export function missingRequiredFields(ref: Reference): string[] {
	const declared = new Set<string>(ref['x-missing']?.fields ?? []);
	const has = (f: string) => (ref as Record<string, unknown>)[f] !== undefined || declared.has(f);
	return REQUIRED_FIELDS[ref.type].filter((req) => !req.split('|').some(has));
}
