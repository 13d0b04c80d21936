import { expect, test } from 'vitest';
import { guidelineTocTail } from '../../src/lib/starlight/toc.ts';

test('"On this page" lists the sections the layout adds, only those the page shows, in page order', () => {
	const slugs = (tail: Parameters<typeof guidelineTocTail>[0]) => guidelineTocTail(tail).map((e) => `${e.slug}:${e.text}`);
	expect(slugs({ relatedQuestions: 11, changes: 1, source: true, disclaimer: 'Professional medical disclaimer' })).toEqual([
		'related-questions:Related questions',
		'changes:Changes',
		'cite-this-page:Cite this page',
		'source:Source',
		'authorship:Authorship and review',
		'disclaimer:Professional medical disclaimer',
	]);
	expect(slugs({ relatedQuestions: 0, changes: 0, source: false, disclaimer: undefined })).toEqual(['cite-this-page:Cite this page', 'authorship:Authorship and review']);
});
