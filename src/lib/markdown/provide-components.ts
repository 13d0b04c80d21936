/**
 * Vite plugin: gives every MDX page in `content/` the components it uses from the allowlist
 * (src/lib/markdown/components.ts), so editors never write an import line (the claim check
 * rejects any). It runs after MDX has compiled a page to JavaScript and before Astro's MDX
 * post-processing: it imports the components the page names and exports them as the page's
 * `components`, which Astro passes to the page when it renders it. A page that names a component
 * not on the list is refused earlier, by the Markdown plugin (src/lib/markdown/evidence-plugin.ts).
 */
import { join } from 'node:path';
import { COMPONENTS_BY_NAME } from './components.ts';
import { insideFolder } from '../paths.ts';

/** Components a compiled MDX module names: MDX checks each with `_missingMdxReference("Name", true)`. */
export function componentsUsed(code: string): string[] {
	return [...new Set([...code.matchAll(/_missingMdxReference\("([A-Za-z][\w.]*)", true\)/g)].map((m) => m[1]!))];
}

/** The import and export lines that provide `names` to a compiled page. */
export function provideCode(names: readonly string[], root: string): string {
	const lines: string[] = [];
	const entries: string[] = [];
	names.forEach((name, i) => {
		const component = COMPONENTS_BY_NAME.get(name);
		if (!component) return;
		const local = `__eh_component_${i}`;
		const from = component.from.startsWith('/') ? join(root, component.from) : component.from;
		lines.push(component.export === 'default' ? `import ${local} from ${JSON.stringify(from)};` : `import { ${component.export} as ${local} } from ${JSON.stringify(from)};`);
		entries.push(`${JSON.stringify(name)}: ${local}`);
	});
	if (!entries.length) return '';
	return `\n${lines.join('\n')}\nexport const components = { ${entries.join(', ')} };\n`;
}

export interface ProvideComponentsOptions {
	/** Absolute path of the content folder (with or without a trailing slash). */
	contentDir: string;
	/** Absolute path of the project root (component paths in the allowlist are relative to it). */
	root: string;
}

export function provideComponents(options: ProvideComponentsOptions) {
	const inContent = insideFolder(options.contentDir);
	return {
		name: 'evidence-handbook:provide-components',
		transform(code: string, id: string) {
			const file = id.split('?')[0]!;
			if (!file.endsWith('.mdx') || !inContent(file)) return null;
			// A page's own `components` export is refused by the check; never add a second one.
			if (/\bexport\s+const\s+components\b/.test(code)) return null;
			const extra = provideCode(componentsUsed(code), options.root);
			return extra ? { code: code + extra, map: null } : null;
		},
	};
}
