/**
 * "Did you mean …?" for a mistyped key, id or topic: the known value closest by edit distance
 * (Damerau–Levenshtein: a swapped pair of letters counts as one edit), when it is close enough to
 * be the likely intent.
 */

export function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0]![j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
		}
	}
	return d[a.length]![b.length]!;
}

/** The closest known value, if within about a third of the word's length (at least 2 edits allowed). */
export function closest(value: string, known: Iterable<string>): string | undefined {
	const limit = Math.max(2, Math.floor(value.length / 3));
	let best: { v: string; d: number } | undefined;
	for (const k of known) {
		const d = editDistance(value.toLowerCase(), k.toLowerCase());
		if (d <= limit && (!best || d < best.d || (d === best.d && k < best.v))) best = { v: k, d };
	}
	return best?.v;
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(value: string, known: Iterable<string>, format: (v: string) => string = (v) => `"${v}"`): string {
	const match = closest(value, known);
	return match && match !== value ? ` Did you mean ${format(match)}?` : '';
}
