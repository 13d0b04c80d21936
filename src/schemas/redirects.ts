/**
 * Schema for `permalinks/redirects.json`: pages that moved. Each key is an old address that was
 * published; the build makes a redirect page there (and a 301 line in `_redirects` for hosts).
 * Written by `npm run move`; editors rarely edit it by hand.
 */
import { z } from 'zod';
import { SLUG, SLUG_SOURCE } from './slug.ts';

/** A site path as published: starts and ends with "/", no fragment, no query. */
export const SitePath = z
	.string()
	.regex(/^\/(?:[a-z0-9][a-z0-9._-]*\/)*$/, 'Write a site path that starts and ends with "/", e.g. "/guidelines/knee/patellar-tendinopathy/".');

/** A site path with a statement or section id: "/guidelines/knee/other-page/#new-id". */
export const SiteAnchor = z
	.string()
	.regex(
		new RegExp(`^/(?:[a-z0-9][a-z0-9._-]*/)*#${SLUG_SOURCE}$`),
		'Write the page path and the id, e.g. "/guidelines/knee/other-page/#new-id".',
	);

export const RedirectSchema = z.union([
	SitePath.describe('The new address of the page, e.g. "/guidelines/knee/patellar-tendinopathy/". Links to #anchors keep their anchor.'),
	z.strictObject({
		to: SitePath.describe('The new address of the page. Links to #anchors keep their anchor unless listed in `anchors`.'),
		anchors: z
			.record(
				z.string().regex(SLUG, 'Anchor ids are lower-case words joined by hyphens.'),
				SiteAnchor,
			)
			.default({})
			.describe(
				'When a page is split: old anchor id → the page and id where that statement now lives, e.g. { "gate-walking": "/guidelines/knee/return-to-running/#gate-walking" }.',
			),
	}),
]);

export const RedirectsSchema = z
	.record(SitePath.describe('The old address, exactly as it was published.'), RedirectSchema)
	.describe('Pages that moved: old address → new address (or { to, anchors } when a page was split).');

export type Redirects = z.output<typeof RedirectsSchema>;
