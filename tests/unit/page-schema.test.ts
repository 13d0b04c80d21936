import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isStarlightPageContext, sharedForStarlightPages, STARLIGHT_PAGE_IMAGE_CHECK } from '../../src/lib/starlight/page-schema.ts';

// The context <StarlightPage> passes (its image check names the component) and one like Astro's
// content layer passes for an entry (an image helper bound to that entry's file).
const starlightPage = () => ({ image: () => ({ check: 'Invalid image passed to `<StarlightPage>` component. Expected imported `ImageMetadata` object.' }) });
const entry = (file: string) => ({ image: () => ({ resolvesAgainst: file }) });

describe('the docs schema for <StarlightPage> pages', () => {
	it('is built once for every <StarlightPage> context', () => {
		let built = 0;
		const schema = sharedForStarlightPages((context: { image: () => unknown }) => ({ n: ++built, image: context.image() }));
		const first = schema(starlightPage());
		expect(schema(starlightPage())).toBe(first);
		expect(schema(starlightPage())).toBe(first);
		expect(built).toBe(1);
	});

	it('is built per call for content entries, whose image paths depend on the entry', () => {
		let built = 0;
		const schema = sharedForStarlightPages((context: { image: () => unknown }) => ({ n: ++built, image: context.image() }));
		const a = schema(entry('content/a.mdx'));
		const b = schema(entry('content/b.mdx'));
		expect(a).not.toBe(b);
		expect(b.image).toEqual({ resolvesAgainst: 'content/b.mdx' });
		expect(built).toBe(2);
		expect(isStarlightPageContext(entry('content/a.mdx'))).toBe(false);
		expect(isStarlightPageContext({})).toBe(false);
	});

	it("recognises the installed Starlight's <StarlightPage> (if this fails, Starlight changed its image check: update STARLIGHT_PAGE_IMAGE_CHECK)", () => {
		const source = readFileSync(new URL('../../node_modules/@astrojs/starlight/dist/utils/starlight-page.js', import.meta.url), 'utf8');
		const call = source.slice(source.indexOf('StarlightPageFrontmatterSchema({ image:'));
		expect(call.length).toBeGreaterThan(0);
		// The image helper <StarlightPage> passes is the one function literal in that call.
		const helper = /image: \((\(\) => z\.custom\([\s\S]*?\))\) \}\)/.exec(call)?.[1];
		expect(helper).toContain(STARLIGHT_PAGE_IMAGE_CHECK);
	});
});
