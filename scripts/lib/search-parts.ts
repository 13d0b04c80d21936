/** Names the parts of what a search fetches (`npm run bench:search -- --first-search`, BENCHMARKS.md). */

/** The part of search a fetched file (its URL path) is: one of Pagefind's, ours, or other. */
export function searchPart(path: string): string {
	const name = path.slice(path.lastIndexOf('/') + 1);
	if (path.includes('/pagefind/')) {
		if (name === 'pagefind.js') return 'pagefind.js';
		if (/^wasm\..+\.pagefind$/.test(name)) return 'wasm';
		if (name === 'pagefind-entry.json') return 'entry';
		if (name.endsWith('.pf_meta')) return 'metadata';
		if (name.endsWith('.pf_filter')) return 'filters';
		if (name.endsWith('.pf_index')) return 'index chunks';
		if (name.endsWith('.pf_fragment')) return 'page fragments';
		// The compact index's page files (src/lib/search/records.ts) stand in for the fragments.
		if (path.includes('/pagefind/page/')) return name.endsWith('.evidence.json.gz') ? 'statement evidence (ours)' : 'page fragments';
		return 'Pagefind, other';
	}
	if (path.endsWith('/search/vocabulary.json')) return 'vocabulary (ours)';
	if (path.endsWith('/search/terms.json')) return 'terms (ours)';
	if (name.endsWith('.js')) return 'dialog code (ours)';
	return 'other';
}

