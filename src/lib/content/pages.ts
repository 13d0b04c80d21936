/**
 * Summarises many pages: from a content-addressed cache when a file is unchanged, otherwise by
 * parsing. Parsing MDX is the check's main cost (about 3.5 ms a page here); worker threads were
 * tried and gave no speed-up on the 2-core machines this project runs on, so there are none.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarizePage } from './page.ts';
import type { IndexedPage } from './types.ts';

/**
 * Cache entries are keyed by the page's text and by the code that analyses it, so changing the
 * analysis never serves a stale result.
 */
const CODE_FILES = ['./page.ts', './parse.ts', './types.ts', '../claims/analyze.ts', '../claims/markers.ts', '../claims/page.ts'];
let codeVersion: string | null | undefined;
/** Hash of the analysing code, or null when its sources are not on disk (bundled): then no cache. */
function analysisVersion(): string | null {
	if (codeVersion !== undefined) return codeVersion;
	// Next to this module when run from source (npm run check); from the project's src/ when bundled
	// into the Astro build (the site's evidence pages then reuse what the check cached).
	const bases = [new URL('./', import.meta.url), pathToFileURL(join(process.cwd(), 'src', 'lib', 'content', '/'))];
	codeVersion = null;
	for (const base of bases) {
		try {
			codeVersion = createHash('sha1')
				.update(CODE_FILES.map((f) => readFileSync(new URL(f, base), 'utf8')).join('\0'))
				.digest('hex');
			break;
		} catch {
			// Not here: try the next place, or run without a cache.
		}
	}
	return codeVersion;
}

function cacheDir(root: string): string | undefined {
	if (process.env.EH_CHECK_CACHE === '0' || analysisVersion() === null) return undefined;
	// EH_CACHE_DIR (also Astro's cache folder) moves it, e.g. for cold-cache benchmarks.
	return join(process.env.EH_CACHE_DIR ? resolve(process.env.EH_CACHE_DIR) : join(root, 'node_modules', '.cache'), 'evidence-check');
}

export function summarizePages(root: string, contentDir: string, files: readonly string[]): IndexedPage[] {
	const dir = cacheDir(root);
	if (dir) mkdirSync(dir, { recursive: true });
	return files.map((file) => {
		const text = readFileSync(file, 'utf8');
		const key = dir && join(dir, `${createHash('sha1').update(`${analysisVersion()}\0${root}\0${contentDir}\0${file}\0${text}`).digest('hex')}.json`);
		if (key && existsSync(key)) {
			try {
				return JSON.parse(readFileSync(key, 'utf8')) as IndexedPage;
			} catch {
				// A damaged entry is recomputed below.
			}
		}
		const page = summarizePage(root, contentDir, file, text);
		if (key) writeFileSync(key, JSON.stringify(page));
		return page;
	});
}
