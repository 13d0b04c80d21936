/**
 * The compact search index (issue 14, item 6): what Pagefind indexes for each page, and the page
 * file the search dialog reads instead of Pagefind's fragment. Pure: no files, no Pagefind.
 *
 * Pagefind stores every position of every word on every page, and the search dialog fetches a
 * word's whole entry: a word found on most guidelines costs its pages × its positions per page,
 * ≈ 128 KB for one such word at 12,000 guidelines. Finding pages needs only which words each page
 * has; ranking statements needs their positions, which the dialog finds in the page's own text
 * (rank.ts). So Pagefind indexes each page's distinct words once each, the most frequent words of
 * the site first (a frequent word then sits at the same small position on every page, which
 * compresses to almost nothing), and the page's text, statement anchors and filters go to a page
 * file fetched for the few pages whose statements are ranked. The statements' evidence kinds,
 * read only by the evidence filter, go to a file of their own, fetched only when that filter is on.
 */

/** One page as Pagefind indexed it from the built HTML (its fragment: text, anchors, metadata, filters). */
export interface IndexedPage {
	url: string;
	content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	anchors: { element: string; id: string; text: string; location: number; title?: string }[];
}

/** The page file the search dialog reads: the page's indexed text, its anchors (text only for headings), metadata and filters. */
export interface PageFile extends IndexedPage {
	/** What Pagefind indexed for the page (searchRecord's content): its positions are positions in this. */
	indexed: string;
	/** Set when the page has a statement-evidence file (`<id>.evidence.json.gz`). */
	evidence?: 1;
}

/** What Pagefind indexes for a page (its Node API's custom record). */
export interface SearchRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

/** The per-statement evidence metadata key (src/lib/claims/render/citations.ts), read by the evidence filter. */
export const STATEMENT_EVIDENCE = 'statement-evidence';

/** A word of the page's text as the compact index holds it: lower case, punctuation around it removed ("Pain-free," → "pain-free"). */
export function indexForm(token: string): string {
	return token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** A page's words as the compact index holds them, each once, in order of first appearance. */
export function distinctWords(content: string): string[] {
	const seen = new Set<string>();
	for (const word of textForms(content)) if (word) seen.add(word);
	return [...seen];
}

/** The index form of each word of a page's text, by position (the text split at spaces, as Pagefind counts positions). */
export function textForms(content: string): string[] {
	return content.split(/\s+/).map(indexForm);
}

/**
 * Where the words Pagefind matched on a page are in the page's text (`forms`: textForms of it).
 * Pagefind gives positions in what it indexed (`indexed`, the page's distinct words); every
 * occurrence of those words in the text is a match. Without `indexed` (an index built from the
 * HTML alone), Pagefind's positions already are positions in the text.
 */
export function textPositions(forms: readonly string[], indexed: string | undefined, positions: readonly number[]): number[] {
	if (indexed === undefined) return [...positions];
	const bag = indexed.split(' ');
	const matched = new Set(positions.map((p) => bag[p]).filter((w): w is string => w !== undefined));
	if (!matched.size) return [];
	return forms.flatMap((form, at) => (matched.has(form) ? [at] : []));
}

/** On how many pages each word is (its document frequency). */
export function documentFrequencies(pages: readonly Pick<IndexedPage, 'content'>[]): Map<string, number> {
	const df = new Map<string, number>();
	for (const page of pages) for (const w of distinctWords(page.content)) df.set(w, (df.get(w) ?? 0) + 1);
	return df;
}

/**
 * What Pagefind indexes for a page: its distinct words, the site's most frequent first (ties in
 * alphabetical order), its title (Pagefind ranks title matches higher) and its filters.
 */
export function searchRecord(page: IndexedPage, df: ReadonlyMap<string, number>, language = 'en'): SearchRecord {
	const words = distinctWords(page.content).sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
	return {
		url: page.url,
		content: words.join(' '),
		language,
		meta: page.meta.title ? { title: page.meta.title } : {},
		filters: page.filters,
	};
}

/** The page file for what Pagefind indexed (`record`), and the statement evidence ("id=Kind/Kind;…") when the page has any. */
export function pageFiles(page: IndexedPage, record: Pick<SearchRecord, 'content'>): { page: PageFile; evidence?: string } {
	const { [STATEMENT_EVIDENCE]: evidence, ...meta } = page.meta;
	const anchors = page.anchors.map((a) => (/^h[1-6]$/.test(a.element) ? a : { ...a, text: '' }));
	const file: PageFile = { url: page.url, content: page.content, indexed: record.content, meta, filters: page.filters, anchors };
	if (evidence) file.evidence = 1;
	return evidence ? { page: file, evidence } : { page: file };
}

/** A page read back from its page file and evidence file (the compact index rebuilt from its own output). */
export function fromPageFiles(page: PageFile, evidence: string | undefined): IndexedPage {
	const { evidence: _flag, indexed: _indexed, ...rest } = page;
	return evidence ? { ...rest, meta: { ...rest.meta, [STATEMENT_EVIDENCE]: evidence } } : rest;
}
