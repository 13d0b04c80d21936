/**
 * Vancouver-style numbering: references are numbered by their first citation on the page, in
 * reading order (bottom line first). Evidence gaps are not numbered.
 */
import type { Claim } from './analyze.ts';

export function numberCitations(claims: readonly Pick<Claim, 'cites'>[]): Map<string, number> {
	const numbers = new Map<string, number>();
	for (const claim of claims) {
		for (const cite of claim.cites) {
			if (cite.type === 'ref' && !numbers.has(cite.key)) numbers.set(cite.key, numbers.size + 1);
		}
	}
	return numbers;
}
