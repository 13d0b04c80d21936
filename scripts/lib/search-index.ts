/**
 * The site's search index, the compact one (src/lib/search/records.ts), in one Pagefind run:
 * `builtPages` reads every built page as Pagefind would (src/lib/search/fossick.ts, in worker
 * threads on a large site); `writeCompactIndex` has Pagefind index each page's distinct words and
 * gives every page a page file (`pagefind/page/<id>.json.gz`, plus `<id>.evidence.json.gz` for
 * statements' evidence kinds) in place of Pagefind's fragment, gzipped like Pagefind's files (the
 * dialog decompresses them). `indexedPages` reads an index back (tests, tools).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { split } from '../../src/lib/csp/pages.ts';
import { fossick, indexablePages, type FossickedPage } from '../../src/lib/search/fossick.ts';
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
export function parseFragment(name: string, bytes: Uint8Array): [string, IndexedPage][] {
	const text = gunzipSync(bytes).toString('utf8');
	const data = JSON.parse(text.slice(text.indexOf('{'))) as IndexedPage | Record<string, IndexedPage>;
	if (typeof data.url === 'string') return [[basename(name).replace(/\.pf_fragment$/, ''), data as IndexedPage]];
	return Object.entries(data as Record<string, IndexedPage>);
}

const readFragment = (file: string) => parseFragment(file, readFileSync(file));

/** Reads `files` (paths in `site`, `/` separated) as Pagefind would (src/lib/search/fossick.ts). */
export function fossickFiles(site: string, files: readonly string[]): FossickedPage[] {
	return files.map((f) => fossick(f, readFileSync(join(site, f), 'utf8')));
}

// Below a few hundred pages starting threads costs more than it saves.
const PAGES_PER_WORKER = 250;

/**
 * Every page of a built site that Pagefind would index, as it would index it, read from the HTML
 * (every .html file, as Pagefind's addDirectory finds them) and ordered by URL. A large site's
 * pages are shared out between worker threads, one per core (at most 4).
 */
export async function builtPages(site: string): Promise<IndexedPage[]> {
	const files = readdirSync(site, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.html'))
		.map((f) => f.split(sep).join('/'))
		.sort();
	const shares = split(files, Math.min(availableParallelism(), 4, Math.floor(files.length / PAGES_PER_WORKER)));
	let read: FossickedPage[];
	if (shares.length <= 1) read = fossickFiles(site, files);
	else {
		const workers = shares.map((share) => new Worker(new URL('./fossick-worker.ts', import.meta.url), { workerData: { site, files: share.items } }));
		try {
			const results = await Promise.all(
				workers.map(
					(worker) =>
						new Promise<FossickedPage[]>((done, failed) => {
							worker.once('message', done);
							worker.once('error', failed);
						}),
				),
			);
			read = results.flat();
		} finally {
			await Promise.all(workers.map((worker) => worker.terminate()));
		}
	}
	return indexablePages(read).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
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
	const records = new Map(pages.map((page) => [page.url, searchRecord(page, df)]));
	try {
		const check = <T extends { errors: string[] }>(response: T): T => {
			if (response.errors.length > 0) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
			return response;
		};
		const { index } = check(await pagefind.createIndex({}));
		if (!index) throw new Error('Pagefind: no index created.');
		// Sent all at once (Pagefind's service answers each by its id, and adds them in the order sent).
		for (const response of await Promise.all([...records.values()].map((record) => index.addCustomRecord(record)))) check(response);
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
			const files = pageFiles(page, records.get(page.url)!);
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
