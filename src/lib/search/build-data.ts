/**
 * The two files the search dialog reads besides Pagefind's index, computed after the build from
 * what Pagefind indexed (so they hold exactly the searched words):
 * - vocabulary.json: the editors' vocabulary groups (content/search-vocabulary.yaml) plus every
 *   abbreviation a page defines itself ("low-intensity pulsed ultrasound (LIPUS)");
 * - terms.json: every indexed word with its frequency, for typo correction and suggestions
 *   (fetched only when a word is not found).
 */
import { parseYamlWith, type LoadProblem } from '../references/load.ts';
import { editorErrorMap } from '../zod-messages.ts';
import { VocabularySchema, type VocabularyEntry } from '../../schemas/vocabulary.ts';
import { definedAbbreviations, type VocabularyGroups } from './vocabulary.ts';
import { words } from './text.ts';

export const VOCABULARY_FILE = 'search-vocabulary.yaml';

/** Reads and validates the editors' vocabulary; problems name file, line, column and field. */
export function loadVocabulary(file: string, text: string): { entries: VocabularyEntry[]; problems: LoadProblem[] } {
	const parsed = parseYamlWith(text, file, (v) => VocabularySchema.safeParse(v ?? [], { error: editorErrorMap(VocabularySchema) }));
	return { entries: parsed.data ?? [], problems: parsed.problems };
}

export function vocabularyGroups(entries: readonly VocabularyEntry[], texts: readonly string[]): VocabularyGroups {
	const groups: VocabularyGroups = entries.map((e) => [e.term, ...e.also]);
	const seen = new Set(groups.map((g) => g.map((t) => words(t).join(' ')).sort().join('|')));
	for (const text of texts) {
		for (const [long, abbr] of definedAbbreviations(text)) {
			const k = [words(long).join(' '), words(abbr).join(' ')].sort().join('|');
			if (seen.has(k)) continue;
			seen.add(k);
			groups.push([long, abbr]);
		}
	}
	return groups;
}

/** Indexed words (3+ characters, not numbers) with their frequency, most frequent first: [term, count][]. */
export function termList(texts: readonly string[]): [string, number][] {
	const counts = new Map<string, number>();
	for (const text of texts) for (const w of words(text)) if (w.length >= 3 && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
