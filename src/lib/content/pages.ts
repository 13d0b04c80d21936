/**
 * Summarises many pages: from the persistent cache (file-cache.ts) when a file is unchanged,
 * otherwise by parsing. Parsing MDX is the check's main cost (about 3.5 ms a page here); worker threads were
 * tried and gave no speed-up on the 2-core machines this project runs on, so there are none.
 */
import { summarizePage } from './page.ts';
import { FileCache } from './file-cache.ts';
import type { IndexedPage, PageDigest } from './types.ts';

export function summarizePages(root: string, contentDir: string, files: readonly string[]): IndexedPage[] {
	const cache = new FileCache<IndexedPage>(root, 'pages', `${root}\0${contentDir}`);
	const pages = files.map((file) => cache.get(file, (text) => summarizePage(root, contentDir, file, text)));
	cache.retain(files);
	cache.save();
	return pages;
}

/**
 * A page that could not be read (invalid MDX, or a YAML syntax error in its frontmatter): reported
 * once, at the error; its type and claims are unknown, so findings that depend on them would be noise.
 */
export const unreadable = (page: IndexedPage): boolean => page.readError !== undefined || page.findings.some((f) => f.rule === 'mdx-invalid');

/** A page's digest, computed from its full summary. */
/**
 * Line and column of a frontmatter field: the deepest recorded key on the path
 * (grades.brace.certainty → grades.brace), at its own column (nested keys and list items are indented).
 */
export function fieldAt(page: IndexedPage, path: string): { line: number; column: number } {
	const parts = path.split('.');
	for (let n = parts.length; n > 0; n--) {
		const key = parts.slice(0, n).join('.');
		const line = page.lines[key];
		if (line !== undefined) return { line, column: page.columns?.[key] ?? 1 };
	}
	return { line: 1, column: 1 };
}

export function digestOf(page: IndexedPage): PageDigest {
	const guideline = page.type === 'guideline';
	const citedKeys = [...new Set(page.claims.flatMap((c) => c.cites.flatMap((x) => (x.type === 'ref' ? [x.key] : []))))];
	const lines: Record<string, number> = {};
	for (const [key, line] of Object.entries(page.lines)) if (key === 'review' || key.startsWith('review.')) lines[key] = line;
	return {
		id: page.id,
		file: page.file,
		type: page.type,
		unreadable: unreadable(page),
		citedKeys,
		claims: guideline ? page.claims.length : 0,
		citations: guideline ? page.claims.reduce((n, c) => n + c.cites.filter((x) => x.type === 'ref').length, 0) : 0,
		frontmatter: 'review' in page.frontmatter ? { review: page.frontmatter.review } : {},
		lines,
		noteKeys: noteKeys(page),
		islands: page.islands ?? [],
		findings: page.findings,
	};
}

/** The reference keys editorialNotes[].references name, at the line and column of each. */
function noteKeys(page: IndexedPage): NonNullable<PageDigest['noteKeys']> {
	const notes = Array.isArray(page.frontmatter.editorialNotes) ? (page.frontmatter.editorialNotes as { references?: unknown }[]) : [];
	return notes.flatMap((note, i) =>
		Array.isArray(note?.references)
			? note.references.flatMap((key: unknown, j: number) => {
					if (typeof key !== 'string') return [];
					const field = `editorialNotes.${i}.references.${j}`;
					return [{ key, field, line: page.lines[field] ?? page.lines[`editorialNotes.${i}`] ?? 1, column: page.columns[field] ?? 1 }];
				})
			: [],
	);
}
