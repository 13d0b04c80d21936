/**
 * Typo tolerance: the optimal-string-alignment edit distance (insertions, deletions, substitutions
 * and swaps of neighbouring letters each cost 1), bounded so that it stops early, and the nearest
 * indexed terms to a word that is not in the index.
 */

/** Edit distance between `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max = 2): number {
	if (a === b) return 0;
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		const row = new Array<number>(b.length + 1);
		row[0] = i;
		rows.push(row);
	}
	for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
	for (let i = 1; i <= a.length; i++) {
		let best = Infinity;
		const row = rows[i]!;
		const prev = rows[i - 1]!;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
			row[j] = d;
			if (d < best) best = d;
		}
		if (best > max) return max + 1;
	}
	return rows[a.length]![b.length]!;
}

/**
 * How many edits a word of this length may have: none below five letters (short words are mostly
 * real words: "much" is not a misspelt "such"), 1 up to seven letters, then 2.
 */
export function allowedEdits(word: string): number {
	if (word.length < 5 || /\d/.test(word)) return 0;
	return word.length <= 7 ? 1 : 2;
}

export interface Term {
	/** The term as indexed (normalised). */
	term: string;
	/** How often it occurs in the index (more frequent wins a tie). */
	count: number;
}

/**
 * Indexed terms within the allowed edit distance of `word`, nearest first, then most frequent.
 * `max` overrides the allowance (suggestions for a zero-result search use a wider net).
 */
export function nearestTerms(word: string, terms: readonly Term[], options: { max?: number; limit?: number } = {}): (Term & { distance: number })[] {
	const max = options.max ?? allowedEdits(word);
	if (max <= 0) return [];
	const found: (Term & { distance: number })[] = [];
	for (const t of terms) {
		if (t.term === word) continue;
		const d = editDistance(word, t.term, max);
		if (d <= max) found.push({ ...t, distance: d });
	}
	// A correction that keeps the first letter is far more likely to be what was meant.
	const rank = (t: Term & { distance: number }) => t.distance + (t.term[0] === word[0] ? 0 : 0.5);
	found.sort((x, y) => rank(x) - rank(y) || y.count - x.count || x.term.localeCompare(y.term));
	return found.slice(0, options.limit ?? 5);
}
