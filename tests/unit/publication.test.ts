/** The one publication decision (src/lib/content/publication.ts). */
import { describe, expect, test } from 'vitest';
import { isPublished, publication, publishedIndex } from '../../src/lib/content/publication.ts';
import type { ContentIndex, IndexedPage } from '../../src/lib/content/types.ts';
import { reviewStatuses } from '../../src/schemas/review.ts';

const guideline = (status: string, extra: Record<string, unknown> = {}) => ({ type: 'guideline', review: { status }, ...extra });
const production = { preview: false };
const preview = { preview: true };

describe('publication', () => {
	// A new status must be decided here (e.g. withdrawn), so this test names each one.
	test.each(reviewStatuses.filter((s) => s !== 'draft' && s !== 'withdrawn'))('a guideline in review status "%s" is published', (status) => {
		expect(publication(guideline(status), production)).toBe('published');
	});

	test('a guideline in review status "withdrawn" is withdrawn in every build (its address shows the notice)', () => {
		expect(publication(guideline('withdrawn'), production)).toBe('withdrawn');
		expect(publication(guideline('withdrawn'), preview)).toBe('withdrawn');
		expect(isPublished(guideline('withdrawn'), production)).toBe(false);
	});

	test('a guideline in review status "draft" is a draft in production and shown in previews (EH_PREVIEW=1, astro dev)', () => {
		expect(publication(guideline('draft'), production)).toBe('draft');
		expect(publication(guideline('draft'), preview)).toBe('published');
	});

	test("Starlight's draft: true is never published, not even in previews", () => {
		expect(publication(guideline('approved', { draft: true }), preview)).toBe('draft');
		expect(publication({ type: 'page', draft: true }, preview)).toBe('draft');
		expect(isPublished({ type: 'page' }, production)).toBe(true);
	});

	test('the published view of an index leaves out drafts and keeps everything else', () => {
		const page = (id: string, frontmatter: Record<string, unknown>) => ({ id, frontmatter }) as unknown as IndexedPage;
		const index = { pages: [page('a', guideline('approved')), page('b', guideline('draft')), page('c', { type: 'page' })], topics: new Set(['knee']) } as unknown as ContentIndex;
		const view = publishedIndex(index, production);
		expect(view.pages.map((p) => p.id)).toEqual(['a', 'c']);
		expect(view.topics).toBe(index.topics);
		expect(publishedIndex(index, preview).pages.map((p) => p.id)).toEqual(['a', 'b', 'c']);
	});
});
