/**
 * One search, from what the reader typed to ranked statements: query → concepts (vocabulary),
 * each word looked up in Pagefind (prefix and stem matching), unknown words corrected against the
 * index's own terms (edit distance 1–2), the best pages' units ranked (rank.ts). Stop words are
 * searched only when nothing else is left; a concept that is found nowhere is dropped rather than
 * emptying the result (relaxed matching); zero results come with the nearest terms to try.
 * Takes Pagefind and the data files as arguments, so unit tests can pass fakes.
 */
import { buildVocabulary, parseQuery, type Concept, type Vocabulary, type VocabularyGroups } from './vocabulary.ts';
import { rankUnits, searchWords, type PageData, type Ranked, type WordPositions } from './rank.ts';
import { isStopWord, words } from './text.ts';
import { textForms, textPositions } from './records.ts';
import { allowedEdits, nearestTerms, type Term } from './typo.ts';

export interface PagefindResult {
	id: string;
	score: number;
	/** Pagefind's positions of the word: in the compact index, positions in the page's distinct words (records.ts). */
	words: number[];
	data(): Promise<PageData>;
}

export interface PagefindLike {
	search(term: string, options?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] } | null>;
}

export interface Filters {
	topic?: string[];
	'review status'?: string[];
	audience?: string[];
	/** Per statement: the kinds of the references it cites. */
	evidence?: string[];
}

export interface Outcome {
	results: Ranked[];
	/** Words corrected to an indexed term ("strenghtening" → "strengthening"). */
	corrections: { typed: string; term: string }[];
	/** Vocabulary used ("shin splints" also searched as "medial tibial stress syndrome"). */
	expansions: { typed: string; also: string[] }[];
	/** Words found nowhere and left out of the search. */
	dropped: string[];
	/** For a search that found nothing: terms in the index close to what was typed. */
	suggestions: string[];
}

export interface EngineOptions {
	pagefind: PagefindLike;
	vocabulary: VocabularyGroups;
	/** Loads the index's terms with their frequency (only when a word is not found). */
	loadTerms: () => Promise<Term[]>;
	/** Pages whose statements are ranked (the best pages by query coverage). */
	maxPages?: number;
	/**
	 * Each statement's evidence kinds on a page ("id=Kind/Kind;…"), fetched only when the evidence
	 * filter is used (the compact index keeps them out of the page data). Without it, the page's
	 * own `statement-evidence` metadata is read.
	 */
	loadEvidence?: (id: string, page: PageData) => Promise<string | undefined>;
}

export class SearchEngine {
	private readonly vocabulary: Vocabulary;
	private readonly hits = new Map<string, Promise<PagefindResult[]>>();
	private readonly pages = new Map<string, Promise<PageData>>();
	private readonly evidence = new Map<string, Promise<PageData>>();
	private terms?: Promise<Term[]>;

	private readonly options: EngineOptions;

	constructor(options: EngineOptions) {
		this.options = options;
		this.vocabulary = buildVocabulary(options.vocabulary);
	}

	private lookup(word: string, filters: Record<string, string[]>): Promise<PagefindResult[]> {
		const key = `${word}\u0000${JSON.stringify(filters)}`;
		let hit = this.hits.get(key);
		if (!hit) {
			hit = this.options.pagefind.search(word, { filters }).then((r) => r?.results ?? []);
			this.hits.set(key, hit);
		}
		return hit;
	}

	private data(result: PagefindResult): Promise<PageData> {
		let page = this.pages.get(result.id);
		if (!page) {
			page = result.data();
			this.pages.set(result.id, page);
		}
		return page;
	}

	/** The page with its statements' evidence kinds (fetched once per page, only for the evidence filter). */
	private withEvidence(result: PagefindResult, page: PageData): Promise<PageData> {
		const load = this.options.loadEvidence;
		if (!load || page.meta['statement-evidence'] !== undefined) return Promise.resolve(page);
		let out = this.evidence.get(result.id);
		if (!out) {
			out = load(result.id, page).then(
				(e) => (e === undefined ? page : { ...page, meta: { ...page.meta, 'statement-evidence': e } }),
				() => page,
			);
			this.evidence.set(result.id, out);
		}
		return out;
	}

	private pool?: Promise<{ known: Set<string>; pool: Term[] }>;

	/** Words a typo may be corrected to: the index's terms and the vocabulary's words. */
	private correctionPool(): Promise<{ known: Set<string>; pool: Term[] }> {
		this.pool ??= this.indexTerms().then((terms) => {
			const known = new Set(terms.map((t) => t.term));
			const pool = [...terms];
			for (const k of this.vocabulary.index.keys()) {
				for (const w of k.split(' ')) {
					if (known.has(w)) continue;
					known.add(w);
					pool.push({ term: w, count: 1 });
				}
			}
			return { known, pool };
		});
		return this.pool;
	}

	private indexTerms(): Promise<Term[]> {
		this.terms ??= this.options.loadTerms().catch(() => []);
		return this.terms;
	}

	async search(query: string, filters: Filters = {}): Promise<Outcome> {
		const pageFilters: Record<string, string[]> = {};
		for (const name of ['topic', 'review status', 'audience', 'evidence'] as const) if (filters[name]?.length) pageFilters[name] = filters[name]!;
		const outcome: Outcome = { results: [], corrections: [], expansions: [], dropped: [], suggestions: [] };

		let concepts = parseQuery(query, this.vocabulary);
		let found = await this.find(concepts, pageFilters);

		// Words found nowhere: correct them against the index's terms and read the query again, so a
		// corrected word can also match the vocabulary ("shin splits" → "shin splints" → MTSS).
		const unknown = concepts.filter((c, i) => !c.stop && !found.conceptFound[i]);
		if (unknown.length) {
			const { known, pool } = await this.correctionPool();
			const replace = new Map<string, string>();
			for (const c of unknown) {
				for (const w of c.typed.split(' ')) {
					if (known.has(w) || isStopWord(w)) continue;
					const best = nearestTerms(w, pool, { max: allowedEdits(w), limit: 1 })[0];
					if (best) replace.set(w, best.term);
				}
			}
			if (replace.size) {
				const corrected = words(query).map((w) => replace.get(w) ?? w).join(' ');
				outcome.corrections = [...replace].map(([typed, term]) => ({ typed, term }));
				concepts = parseQuery(corrected, this.vocabulary);
				for (const c of concepts) for (const a of c.alternatives) if ([...replace.values()].some((t) => a.words.includes(t))) a.via ??= 'typo';
				found = await this.find(concepts, pageFilters);
			}
		}
		concepts.forEach((c, i) => {
			if (!c.stop && !found.conceptFound[i]) outcome.dropped.push(c.typed);
			const also = c.alternatives.filter((a) => a.via === 'vocabulary').map((a) => a.label);
			if (also.length) outcome.expansions.push({ typed: c.typed, also });
		});

		// Relaxed matching: concepts found nowhere are left out rather than emptying the result.
		const usable = concepts.filter((_, i) => found.conceptFound[i]);
		// Stop words rank ties among units found by the content words (rank.ts).
		if (usable.some((c) => !c.stop)) usable.push(...concepts.filter((c) => c.stop));
		if (usable.length) {
			let pageData = await Promise.all(found.pages.map((r) => this.data(r)));
			if (filters.evidence?.length) pageData = await Promise.all(found.pages.map((r, i) => this.withEvidence(r, pageData[i]!)));
			const positions = new Map<string, WordPositions>();
			found.pages.forEach((r, i) => positions.set(pageData[i]!.url, wordPositions(pageData[i]!, found.positions.get(r.id)!)));
			outcome.results = rankUnits(usable, pageData, positions, { evidence: filters.evidence ?? [] });
		}
		if (!outcome.results.length) outcome.suggestions = await this.suggest(query);
		return outcome;
	}

	/** Looks every word up; picks the pages that cover the most of the query. */
	private async find(concepts: Concept[], filters: Record<string, string[]>) {
		const someContent = concepts.some((c) => !c.stop);
		const wordsToSearch = searchWords(concepts);
		const results = new Map<string, PagefindResult[]>();
		await Promise.all(wordsToSearch.map(async (w) => results.set(w, await this.lookup(w, filters))));
		const byPage = new Map<string, { result: PagefindResult; score: number; covered: number }>();
		// Pagefind's positions of each word on each page (in what it indexed: wordPositions maps them to the text).
		const positions = new Map<string, Map<string, number[]>>();
		for (const [w, rs] of results) {
			for (const r of rs) {
				const found = positions.get(r.id) ?? new Map<string, number[]>();
				found.set(w, r.words);
				positions.set(r.id, found);
			}
		}
		const conceptFound = concepts.map((c) => {
			if (c.stop && someContent) return false;
			return c.alternatives.some((a) => a.words.every((w) => (results.get(w)?.length ?? 0) > 0));
		});
		// Page ranking: concepts covered (rare ones count more), then Pagefind's own score.
		concepts.forEach((c, i) => {
			if (!conceptFound[i]) return;
			const pagesWith = new Set<string>();
			for (const a of c.alternatives) {
				const sets = a.words.map((w) => new Set((results.get(w) ?? []).map((r) => r.id)));
				for (const id of sets[0] ?? []) if (sets.every((s) => s.has(id))) pagesWith.add(id);
			}
			const rarity = 1 / Math.log(2 + pagesWith.size);
			for (const a of c.alternatives) {
				for (const w of a.words) {
					for (const r of results.get(w) ?? []) {
						if (!pagesWith.has(r.id)) continue;
						const entry = byPage.get(r.id) ?? { result: r, score: 0, covered: 0 };
						entry.score += r.score;
						byPage.set(r.id, entry);
					}
				}
			}
			for (const id of pagesWith) byPage.get(id)!.covered += rarity;
		});
		// Only pages that cover at least a third as much of the query as the best one are opened
		// (each is one more download), at most maxPages: a page matching a rare stray word must not
		// crowd out the guideline that matches the clinical one.
		const sorted = [...byPage.values()].sort((a, b) => b.covered - a.covered || b.score - a.score);
		const best = sorted[0]?.covered ?? 0;
		const pages = sorted
			.filter((e) => e.covered >= best * 0.34)
			.slice(0, this.options.maxPages ?? 6)
			.map((e) => e.result);
		return { conceptFound, pages, positions };
	}

	/** Terms to try when nothing was found: nearest indexed or vocabulary terms to each typed word. */
	private async suggest(query: string): Promise<string[]> {
		const terms = await this.indexTerms();
		const typed = words(query).filter((w) => !isStopWord(w));
		const out: string[] = [];
		for (const w of typed) for (const t of nearestTerms(w, terms, { max: Math.max(2, Math.min(3, Math.floor(w.length / 3))), limit: 3 })) out.push(t.term);
		if (!out.length) out.push(...[...terms].sort((a, b) => b.count - a.count).filter((t) => t.term.length > 4 && !isStopWord(t.term)).slice(0, 5).map((t) => t.term));
		return [...new Set(out)].slice(0, 6);
	}
}

/** Where each word Pagefind found on a page is in the page's text (records.ts: the compact index gives positions in the page's distinct words). */
export function wordPositions(page: PageData, found: ReadonlyMap<string, readonly number[]>): WordPositions {
	const indexed = (page as PageData & { indexed?: string }).indexed;
	let forms = formsOf.get(page);
	if (!forms) {
		forms = indexed === undefined ? [] : textForms(page.content);
		formsOf.set(page, forms);
	}
	const out: WordPositions = new Map();
	for (const [w, positions] of found) out.set(w, textPositions(forms, indexed, positions));
	return out;
}

/** Each page's text in index forms, computed once per page. */
const formsOf = new WeakMap<PageData, string[]>();
