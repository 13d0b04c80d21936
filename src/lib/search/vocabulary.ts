/**
 * The search vocabulary at query time. Editors' groups (content/search-vocabulary.yaml) and the
 * abbreviations each guideline defines itself ("low-intensity pulsed ultrasound (LIPUS)") become
 * one map from a phrase (its words) to every phrase that means the same. A query is read left to
 * right, longest phrase first, into concepts: each concept is found by any of its alternatives.
 */
import { isStopWord, words } from './text.ts';

/** Groups of equivalent phrases, as shipped to the browser (dist/search/vocabulary.json). */
export type VocabularyGroups = string[][];

export interface Alternative {
	/** Words that must all occur (stop words removed unless that would leave none). */
	words: string[];
	/** 1 for what the reader typed; less for a synonym or a spelling correction. */
	weight: number;
	/** Why this alternative is searched: shown to the reader ("shin splints → medial tibial stress syndrome"). */
	via?: 'vocabulary' | 'typo';
	/** The phrase as written in the vocabulary or index. */
	label: string;
}

export interface Concept {
	/** What the reader typed for this concept. */
	typed: string;
	alternatives: Alternative[];
	/** A stop word ("how", "the"): searched only if nothing else is left. */
	stop: boolean;
}

export interface Vocabulary {
	/** Phrase key ("medial tibial stress syndrome") → the groups it belongs to (by index). */
	groups: VocabularyGroups;
	index: Map<string, number[]>;
	/** Longest phrase, in words. */
	longest: number;
}

const key = (ws: readonly string[]) => ws.join(' ');

/** Content words of a phrase: stop words removed unless that would leave nothing. */
export function contentWords(phrase: string): string[] {
	const all = words(phrase);
	const kept = all.filter((w) => !isStopWord(w));
	return kept.length ? kept : all;
}

export function buildVocabulary(groups: VocabularyGroups): Vocabulary {
	const index = new Map<string, number[]>();
	let longest = 1;
	groups.forEach((group, i) => {
		for (const phrase of group) {
			const ws = words(phrase);
			if (!ws.length) continue;
			longest = Math.max(longest, ws.length);
			const k = key(ws);
			const list = index.get(k) ?? [];
			if (!list.includes(i)) list.push(i);
			index.set(k, list);
		}
	});
	return { groups, index, longest };
}

/** Words of the query, read into concepts with their vocabulary alternatives. */
export function parseQuery(query: string, vocabulary: Vocabulary): Concept[] {
	const ws = words(query);
	const concepts: Concept[] = [];
	let i = 0;
	while (i < ws.length) {
		let matched = false;
		for (let n = Math.min(vocabulary.longest, ws.length - i); n >= 1; n--) {
			const span = ws.slice(i, i + n);
			const groups = vocabulary.index.get(key(span));
			if (!groups) continue;
			// A lone stop word is never expanded ("us" is not "ultrasound").
			if (n === 1 && isStopWord(span[0]!)) break;
			const typed = key(span);
			const alternatives: Alternative[] = [{ words: contentWords(typed), weight: 1, label: typed }];
			const seen = new Set([key(alternatives[0]!.words)]);
			for (const g of groups) {
				for (const phrase of vocabulary.groups[g]!) {
					const alt = contentWords(phrase);
					if (!alt.length || seen.has(key(alt))) continue;
					seen.add(key(alt));
					alternatives.push({ words: alt, weight: 0.9, via: 'vocabulary', label: phrase });
				}
			}
			concepts.push({ typed, alternatives, stop: false });
			i += n;
			matched = true;
			break;
		}
		if (matched) continue;
		const w = ws[i]!;
		concepts.push({ typed: w, alternatives: [{ words: [w], weight: 1, label: w }], stop: isStopWord(w) });
		i++;
	}
	return concepts;
}

/**
 * Abbreviations a text defines itself, "long form (ABBR)", found with the Schwartz–Hearst rule:
 * the abbreviation's letters occur in order in the words just before the parenthesis, its first
 * letter starting a word. Returns [long form, abbreviation] pairs.
 */
export function definedAbbreviations(text: string): [string, string][] {
	const found: [string, string][] = [];
	const re = /\(([A-Za-z][A-Za-z0-9-]{1,9})\)/g;
	for (const m of text.matchAll(re)) {
		const abbr = m[1]!;
		// Only real abbreviations: at least two capitals, no lower-case-only words.
		if ((abbr.match(/[A-Z]/g) ?? []).length < 2) continue;
		const before = text.slice(0, m.index).trimEnd().split(/\s+/);
		const letters = abbr.toLowerCase().replace(/[^a-z0-9]/g, '');
		const maxWords = Math.min(letters.length + 5, letters.length * 2);
		const candidate = before.slice(-maxWords);
		const long = shortestLongForm(candidate.join(' '), letters);
		if (long) found.push([long, abbr]);
	}
	return found;
}

function shortestLongForm(text: string, letters: string): string | undefined {
	const lower = text.toLowerCase();
	let s = letters.length - 1;
	let l = lower.length - 1;
	while (s >= 0) {
		const c = letters[s]!;
		// The first letter must start a word.
		while (l >= 0 && (lower[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(lower[l - 1]!)))) l--;
		if (l < 0) return undefined;
		l--;
		s--;
	}
	const start = lower.lastIndexOf(' ', l) + 1;
	const long = text.slice(start).replace(/^[^A-Za-z0-9]+/, '').trim();
	return long.split(/\s+/).length >= 2 || /-/.test(long) ? long : undefined;
}
