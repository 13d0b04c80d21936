/**
 * tsc does not read .astro files (only `astro check` does). Tests import components to render them
 * with the Container API; this tells tsc what such an import is. The components themselves are
 * type-checked by `astro check` (npm run typecheck).
 */
declare module '*.astro' {
	import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
	const component: AstroComponentFactory;
	export default component;
}
