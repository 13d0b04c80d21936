/**
 * Rewrites a built site's Pagefind bundle (<outDir>/pagefind) as the compact search index
 * (src/lib/search/records.ts): Pagefind re-indexes each page's distinct words, and every page
 * gets a page file (`pagefind/page/<id>.json.gz`, plus `<id>.evidence.json.gz` for statements'
 * evidence kinds) in place of Pagefind's fragment, gzipped like Pagefind's files (the dialog
 * decompresses them). Reads what Pagefind indexed from the HTML (its
 * fragments) or, run again on its own output, the page files, so it can run twice.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { documentFrequencies, fromPageFiles, pageFiles, searchRecord, type IndexedPage, type PageFile } from '../../src/lib/search/records.ts';

const PAGE_DIR = 'page';
const PAGE_EXT = '.json.gz';
const EVIDENCE_EXT = '.evidence.json.gz';

const readJson = <T>(file: string): T => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as T;
const writeJson = (file: string, value: unknown) => writeFileSync(file, gzipSync(JSON.stringify(value), { level: 9 }));

/**
 * The pages in one of Pagefind's fragment files (gzipped JSON after a signature), by page id: one
 * page, or on a site with more pages than Pagefind's `maxFragments`, a group of them keyed by id.
 */
function readFragment(file: string): [string, IndexedPage][] {
	const text = gunzipSync(readFileSync(file)).toString('utf8');
	const data = JSON.parse(text.slice(text.indexOf('{'))) as IndexedPage | Record<string, IndexedPage>;
	if (typeof data.url === 'string') return [[basename(file).replace(/\.pf_fragment$/, ''), data as IndexedPage]];
	return Object.entries(data as Record<string, IndexedPage>);
}

/** Every indexed page: from Pagefind's fragments (indexed from the HTML) or from the compact index's page files. */
export function indexedPages(pagefindDir: string): IndexedPage[] {
	const fragments = join(pagefindDir, 'fragment');
	if (existsSync(fragments)) {
		return readdirSync(fragments)
			.filter((f) => f.endsWith('.pf_fragment'))
			.flatMap((f) => readFragment(join(fragments, f)).map(([, page]) => page));
	}
	const pages = join(pagefindDir, PAGE_DIR);
	if (!existsSync(pages)) return [];
	return readdirSync(pages)
		.filter((f) => f.endsWith(PAGE_EXT) && !f.endsWith(EVIDENCE_EXT))
		.map((f) => {
			const page = readJson<PageFile>(join(pages, f));
			const evidence = join(pages, f.slice(0, -PAGE_EXT.length) + EVIDENCE_EXT);
			return fromPageFiles(page, page.evidence && existsSync(evidence) ? readJson<string>(evidence) : undefined);
		});
}

/** Builds the compact index from `pages` and puts it in place of <outDir>/pagefind. Returns the page count. */
export async function writeCompactIndex(outDir: string, pages: readonly IndexedPage[]): Promise<number> {
	const target = join(outDir, 'pagefind');
	const staging = join(outDir, 'pagefind.compact');
	rmSync(staging, { recursive: true, force: true });
	const df = documentFrequencies(pages);
	try {
		const check = <T extends { errors: string[] }>(response: T): T => {
			if (response.errors.length > 0) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
			return response;
		};
		const { index } = check(await pagefind.createIndex({}));
		if (!index) throw new Error('Pagefind: no index created.');
		for (const page of pages) check(await index.addCustomRecord(searchRecord(page, df)));
		check(await index.writeFiles({ outputPath: staging }));
	} finally {
		await pagefind.close();
	}
	// Pagefind names each page by a hash (a search result's id); its fragment is replaced by the page file.
	const byUrl = new Map(pages.map((p) => [p.url, p]));
	const fragments = join(staging, 'fragment');
	mkdirSync(join(staging, PAGE_DIR), { recursive: true });
	let written = 0;
	for (const f of readdirSync(fragments)) {
		for (const [id, fragment] of readFragment(join(fragments, f))) {
			const page = byUrl.get(fragment.url);
			if (!page) throw new Error(`Search index: Pagefind returned a page that was not indexed (${fragment.url} in ${f}).`);
			const files = pageFiles(page, searchRecord(page, df));
			writeJson(join(staging, PAGE_DIR, id + PAGE_EXT), files.page);
			if (files.evidence) writeJson(join(staging, PAGE_DIR, id + EVIDENCE_EXT), files.evidence);
			written++;
		}
	}
	if (written !== pages.length) throw new Error(`Search index: ${pages.length} pages indexed, but Pagefind wrote ${written}.`);
	rmSync(fragments, { recursive: true, force: true });
	rmSync(target, { recursive: true, force: true });
	renameSync(staging, target);
	return pages.length;
}
