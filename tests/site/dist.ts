/** Where the built site is (EH_OUT_DIR lets parallel runs use their own folder), and HTML loading. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outDir } from '../../src/lib/paths.ts';
import { parseHtml, type HtmlElement } from '../../src/lib/html/dom.ts';

export const distDir = outDir();

/** Parsed HTML of a built page, e.g. `builtPage('guidelines/running-injuries/runner-medial-thigh-knee-pain/')`. */
export function builtPage(path: string): HtmlElement {
	const file = path.endsWith('.html') ? path : join(path, 'index.html');
	return parseHtml(readFileSync(join(distDir, file), 'utf8'));
}

export const GUIDELINE_PATH = 'guidelines/running-injuries/runner-medial-thigh-knee-pain/';
