/**
 * Summarises many pages: from the persistent cache (file-cache.ts) when a file is unchanged,
 * otherwise by parsing. Parsing MDX is the check's main cost (about 3.5 ms a page here); worker threads were
 * tried and gave no speed-up on the 2-core machines this project runs on, so there are none.
 */
import { summarizePage } from './page.ts';
import { FileCache } from './file-cache.ts';
import type { IndexedPage } from './types.ts';

export function summarizePages(root: string, contentDir: string, files: readonly string[]): IndexedPage[] {
	const cache = new FileCache<IndexedPage>(root, 'pages', `${root}\0${contentDir}`);
	const pages = files.map((file) => cache.get(file, (text) => summarizePage(root, contentDir, file, text)));
	cache.retain(files);
	cache.save();
	return pages;
}
