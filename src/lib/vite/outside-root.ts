/**
 * Astro (7.3) mistakes an absolute module path outside the project root for a root-relative one
 * when the two share no folder but "/" (vite-plugin-utils normalizeFilename): a `.astro` file's
 * `?astro&type=style|script` sub-module then "has no compile metadata" and the build fails. That
 * happens whenever node_modules is a symlink to another disk location (a scratch copy of the
 * project, a CI cache, pnpm-style stores), e.g. /tmp/x/node_modules -> /work/app/node_modules.
 * Vite's own "/@fs/" prefix marks a path as absolute, which Astro understands; this plugin adds it
 * to those sub-modules only, and resolves their relative imports from the real path. In an
 * ordinary checkout (node_modules inside the root) it changes nothing.
 */
import type { Plugin } from 'vite';

export function outsideRootAstroModules(root: string): Plugin {
	const inRoot = (id: string) => id.startsWith(root.endsWith('/') ? root : `${root}/`);
	return {
		name: 'evidence-handbook:outside-root-astro-modules',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (importer?.startsWith('/@fs/')) return this.resolve(source, importer.slice('/@fs'.length), { ...options, skipSelf: true });
			if (!/[?&]astro&type=/.test(source)) return null;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			if (!resolved || resolved.external || !resolved.id.startsWith('/') || resolved.id.startsWith('/@fs/') || inRoot(resolved.id)) return resolved;
			return { ...resolved, id: `/@fs${resolved.id}` };
		},
	};
}
