/**
 * Query and index text, normalised the same way on both sides: lower case, accents folded,
 * apostrophes dropped ("runner's" → "runners"), split at anything that is not a letter or digit.
 * Pure functions, shared by the search dialog, the build step that writes the term list, and tests.
 */

/** Words that carry no clinical meaning in a query ("how long should I rest"). They are searched only when nothing else is left. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'a about after again all also am an and any are as at be been before being but by can could did do does doing done during each ' +
		'for from get gets got had has have having he her him his how i if in into is it its just me my no nor not of off on once only ' +
		'or other our out over own same she should so some such than that the their them then there these they this those through to ' +
		'too under until up us very was we were what when where which while who whom why will with would you your yours ' +
		'patient patients person someone somebody tell please want need know way ways thing things best recommended recommendation ' +
		'much many often soon still ever really ok okay keep kept go going get getting'
	).split(' '),
);

/** Lower case, accents folded (é → e), apostrophes and curly quotes removed. */
export function normalize(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’‘`]/g, '');
}

/** The words of a text as search sees them: "Pain-free walking/running (LIPUS)" → pain, free, walking, running, lipus. */
export function words(text: string): string[] {
	return normalize(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

export function isStopWord(word: string): boolean {
	return STOP_WORDS.has(word);
}

/** Word endings that make a short query word still the same word ("run" → "runs", "running", "runner"). */
const ENDINGS = new Set(['', 's', 'es', 'ed', 'd', 'er', 'ers', 'ing', 'ning', 'ner', 'ners', 'ning', 'ly', 'ies', 'ied', 'y', 'al', 'ment', 'ness', 'ion', 'ions']);

/**
 * Whether an indexed word is a real match for a query word, not an accident of Pagefind's loose
 * matching: it matches any word starting with the query word (for short words mostly noise: "abs"
 * finds "absence") and, when nothing starts with it, words that are a prefix of it ("inclines"
 * finds "in"). Accepted: the word itself; a longer word starting with a query word of five letters
 * or more, or with a common ending ("run" → "running"); a shorter word that differs by a common
 * ending or shares all but two letters ("injuries" → "injury").
 */
export function isWordMatch(term: string, indexed: string): boolean {
	const parts = [normalize(indexed).replace(/[^\p{L}\p{N}]+/gu, ''), ...words(indexed)];
	return parts.some((p) => {
		if (p === term) return true;
		if (p.startsWith(term)) return term.length >= 5 || ENDINGS.has(p.slice(term.length));
		if (term.startsWith(p) && p.length >= 3 && ENDINGS.has(term.slice(p.length))) return true;
		let common = 0;
		while (common < p.length && common < term.length && p[common] === term[common]) common++;
		return common >= 4 && common >= Math.min(p.length, term.length) - 2;
	});
}
