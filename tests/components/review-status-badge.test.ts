import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import ReviewStatusBadge from '../../src/components/ReviewStatusBadge.astro';

describe('ReviewStatusBadge', () => {
	test.each([
		['draft', 'Review status: Draft'],
		['submitted', 'Review status: Submitted, awaiting clinical review'],
		['under-review', 'Review status: Under clinical review'],
		['approved', 'Review status: Approved'],
	] as const)('%s reads "%s"', async (status, text) => {
		const container = await AstroContainer.create();
		const html = await container.renderToString(ReviewStatusBadge, { props: { status } });
		expect(html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()).toBe(text);
		expect(html).toContain(`data-status="${status}"`);
	});
});
