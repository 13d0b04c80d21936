/**
 * What the browser tests search for and link to, chosen from the built site itself, so the tests
 * hold for any valid content (a reworded or removed statement changes the sample, not the test).
 * Search relevance on a fixed set of real queries is measured by `npm run bench:search`, not here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../src/lib/html/dom.ts';
import { parse as parseYaml } from 'yaml';
import { contentDir, outDir } from '../../src/lib/paths.ts';
import { allPagePaths } from './pages.ts';

export interface Statement {
	/** The page's URL path, e.g. "/guidelines/topic/page/". */
	path: string;
	id: string;
	text: string;
}

let statements: Statement[] | undefined;

/** Every statement (`[data-claim][id]`) of every built guideline page, with its readable text. */
export function builtStatements(): Statement[] {
	statements ??= allPagePaths()
		.filter((path) => path.startsWith('/guidelines/'))
		.flatMap((path) => {
			const doc = parseHtml(readFileSync(join(outDir(), path, 'index.html'), 'utf8'));
			return doc.querySelectorAll('[data-claim][id]').map((el) => {
				for (const ignored of el.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
				return { path, id: el.id, text: el.textContent.replace(/\s+/g, ' ').trim() };
			});
		});
	return statements;
}

const words = (text: string): string[] => text.toLowerCase().match(/\p{L}{6,}/gu) ?? [];

let bodies: string | undefined;

/** The searchable text of every built guideline page (Pagefind's body, without ignored parts). */
function searchableText(): string {
	bodies ??= allPagePaths()
		.filter((path) => path.startsWith('/guidelines/'))
		.map((path) => {
			const body = parseHtml(readFileSync(join(outDir(), path, 'index.html'), 'utf8')).querySelector('[data-pagefind-body]');
			for (const ignored of body?.querySelectorAll('[data-pagefind-ignore]') ?? []) ignored.remove();
			return body?.textContent ?? '';
		})
		.join(' ')
		.toLowerCase();
	return bodies;
}

/**
 * A statement and a word that appears in it and nowhere else in the site's searchable text:
 * searching for the word must land on that statement. The first such statement of the first guideline.
 */
export function distinctiveStatement(): Statement & { word: string } {
	const counts = new Map<string, number>();
	for (const w of words(searchableText())) counts.set(w, (counts.get(w) ?? 0) + 1);
	for (const s of builtStatements().filter((s) => s.id !== 'bottom-line')) {
		const word = words(s.text).find((w) => counts.get(w) === 1 && w.length >= 7);
		if (word) return { ...s, word };
	}
	throw new Error('No statement of the built site has a word of 7+ letters of its own: the search tests need one.');
}

/** A cited reference's journal: searching for it must find the reference (its page or its entry). */
export function referenceSample(): { query: string; keys: string[] } | undefined {
	const cited = new Set(allPagePaths().filter((p) => p.startsWith('/references/') && p.split('/').filter(Boolean).length === 2).map((p) => p.split('/')[2]!));
	const journals = new Map<string, string[]>();
	for (const key of cited) {
		const file = join(contentDir(), 'references', `${key}.yaml`);
		let journal: unknown;
		try {
			journal = (parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>)['container-title'];
		} catch {
			continue;
		}
		if (typeof journal === 'string' && journal.split(/\s+/).length >= 2) journals.set(journal, [...(journals.get(journal) ?? []), key]);
	}
	const [query, keys] = [...journals].sort(([a], [b]) => a.length - b.length || a.localeCompare(b))[0] ?? [];
	return query && keys ? { query, keys } : undefined;
}

/** The word with one inner letter dropped: a typo search must still find it. */
export function typo(word: string): string {
	const i = Math.floor(word.length / 2);
	return word.slice(0, i) + word.slice(i + 1);
}

interface VocabularyEntry {
	term: string;
	also: string[];
}

/**
 * A search vocabulary entry whose term a statement uses and whose alternative (e.g. a lay term) no
 * statement does: searching for the alternative must land on a statement with the term. Undefined
 * when the vocabulary has no such entry.
 */
export function synonymSample(): { query: string; term: string; ids: string[]; path: string } | undefined {
	const entries = (parseYaml(readFileSync(join(contentDir(), 'search-vocabulary.yaml'), 'utf8')) ?? []) as VocabularyEntry[];
	const all = builtStatements();
	const uses = (phrase: string) => all.filter((s) => new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(s.text));
	for (const entry of entries) {
		const holders = uses(entry.term);
		if (holders.length === 0 || new Set(holders.map((s) => s.path)).size > 1) continue;
		const query = entry.also.find((also) => also.length >= 4 && uses(also).length === 0);
		if (query) return { query, term: entry.term, ids: holders.map((s) => s.id), path: holders[0]!.path };
	}
	return undefined;
}
