/** Every built page, one per page type first, discovered from the build output the server serves. */
import { readdirSync } from 'node:fs';
import { outDir } from '../../src/lib/paths.ts';

const dist = outDir();

/** URL paths of every built page (`/`, `/guidelines/…/`, `/404.html`, …). */
export function allPagePaths(): string[] {
	return readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.html'))
		.map((f) => `/${f.split('\\').join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
		.sort();
}

/**
 * One page per page type: every top-level page (home, editorial pages, evidence map, 404) and the
 * first page under each folder (a guideline, a reference page, whatever lands next).
 */
export function pageTypeSamples(): string[] {
	const seen = new Set<string>();
	return allPagePaths().filter((path) => {
		const parts = path.split('/').filter(Boolean);
		const type = parts.length <= 1 ? path : parts[0]!;
		if (seen.has(type)) return false;
		seen.add(type);
		return true;
	});
}
