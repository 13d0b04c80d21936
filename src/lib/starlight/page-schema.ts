/**
 * The docs schema, built once for `<StarlightPage>` pages instead of once per page.
 *
 * Astro calls a collection's schema function for every entry, with an `image()` helper that
 * resolves image paths against that entry's file, so an entry's schema must be its own. Starlight's
 * `<StarlightPage>` (our reference and evidence-map pages) calls the same function for every page
 * it renders, but with a fixed `image()` check that depends on no entry (it accepts an imported
 * image object: `getStarlightPageFrontmatter` in Starlight's utils/starlight-page). Building the
 * schema (Starlight's frontmatter schema merged with ours) costs far more than using it, and a
 * thousand reference pages built it a thousand times; this builds it once for all of them.
 *
 * Recognised by the message of that check: if Starlight changes it, every call builds its own
 * schema again (correct, only slower), and tests/unit/page-schema.test.ts fails to say so.
 */

/** The words of `<StarlightPage>`'s own image check (Starlight 0.42). */
export const STARLIGHT_PAGE_IMAGE_CHECK = 'Invalid image passed to `<StarlightPage>` component';

/** True for the schema context `<StarlightPage>` passes (its `image()` depends on no entry). */
export function isStarlightPageContext(context: { image?: unknown }): boolean {
	return typeof context.image === 'function' && Function.prototype.toString.call(context.image).includes(STARLIGHT_PAGE_IMAGE_CHECK);
}

/**
 * `build`, except that every `<StarlightPage>` context gets one schema built at the first
 * (schemas are immutable: Starlight only derives its page schema from it).
 */
export function sharedForStarlightPages<C extends { image?: unknown }, S>(build: (context: C) => S): (context: C) => S {
	let shared: { schema: S } | undefined;
	return (context) => {
		if (!isStarlightPageContext(context)) return build(context);
		shared ??= { schema: build(context) };
		return shared.schema;
	};
}
