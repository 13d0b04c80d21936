/**
 * The components an editor may use in a page of `content/` — the whole list. Pages never import
 * them: the site provides them to every MDX page (src/lib/markdown/provide-components.ts), and the
 * claim check (src/lib/content/language.ts) rejects any other element, any prop not listed here and
 * any prop value that is not a literal allowed here. CONTRIBUTING.md ("Components") documents the
 * same list for editors; tests/unit/language.test.ts keeps the two in step.
 *
 * Adding a component is a code change reviewed by a developer: a component runs code at build
 * time, so it must not carry clinical text the claim check cannot see (its text belongs in the
 * page, between its tags, where every paragraph is a claim).
 */
import { SLUG } from '../../schemas/slug.ts';

/** What one prop accepts: a fixed set of values, or a string matching a pattern. Always a literal. */
export interface PropRule {
	/** The allowed values, when the prop is an enumeration. */
	values?: readonly string[];
	/** The pattern a free value must match (tested against the whole value). */
	pattern?: RegExp;
	/** Whether the component needs the prop. */
	required?: boolean;
	/** What the prop does, for editors. */
	describe: string;
}

export interface AllowedComponent {
	/** The tag editors write, e.g. `Aside` for `<Aside type="caution">…</Aside>`. */
	name: string;
	/** Module the site imports it from (project-relative paths start with `/`). */
	from: string;
	/** Export name in that module; `default` for a component file. */
	export: string;
	/** Whether it wraps Markdown (`<Aside>…</Aside>`) or stands alone (`<Islands … />`). */
	children: boolean;
	props: Readonly<Record<string, PropRule>>;
	/** What it is for, for editors. */
	describe: string;
	/** An example an editor can copy. */
	example: string;
}

/** A short label: letters, digits, spaces and light punctuation; no markup, no braces. */
const LABEL = /^[^<>{}\n]{1,80}$/;

export const ALLOWED_COMPONENTS: readonly AllowedComponent[] = [
	{
		name: 'Islands',
		from: '/src/components/islands/Islands.astro',
		export: 'default',
		children: false,
		props: { protocol: { pattern: SLUG, required: true, describe: 'File name (without .yaml) of a protocol in content/protocols/.' } },
		describe: 'The protocol table and the calculators of a guideline, computed from its protocol file.',
		example: '<Islands protocol="return-to-running" />',
	},
	{
		name: 'Aside',
		from: '@astrojs/starlight/components',
		export: 'Aside',
		children: true,
		props: {
			type: { values: ['note', 'tip', 'caution', 'danger'], describe: 'The kind of callout: note, tip, caution or danger.' },
			title: { pattern: LABEL, describe: 'The callout title (a label, not a statement).' },
		},
		describe: 'A callout; the same as :::caution[Title] … ::: in Markdown. Its text is claims and must cite.',
		example: '<Aside type="caution" title="If pain occurs">Stop immediately. [@key] [#if-pain-occurs]</Aside>',
	},
	{
		name: 'Steps',
		from: '@astrojs/starlight/components',
		export: 'Steps',
		children: true,
		props: {},
		describe: 'Numbers a Markdown ordered list as steps. Each step is a claim.',
		example: '<Steps>\n\n1. First step [@key]\n2. Second step [@key]\n\n</Steps>',
	},
	{
		name: 'Tabs',
		from: '@astrojs/starlight/components',
		export: 'Tabs',
		children: true,
		props: { syncKey: { pattern: SLUG, describe: 'Keeps tab groups with the same key in step.' } },
		describe: 'A group of tabs (each a TabItem).',
		example: '<Tabs>\n<TabItem label="Adults">\n\nText [@key]\n\n</TabItem>\n</Tabs>',
	},
	{
		name: 'TabItem',
		from: '@astrojs/starlight/components',
		export: 'TabItem',
		children: true,
		props: { label: { pattern: LABEL, required: true, describe: 'The tab’s label.' } },
		describe: 'One tab of a Tabs group; its text is claims and must cite.',
		example: '<TabItem label="Adults">\n\nText [@key]\n\n</TabItem>',
	},
	{
		name: 'GuidelineIndex',
		from: '/src/components/GuidelineIndex.astro',
		export: 'default',
		children: false,
		props: {},
		describe: 'The list of published guidelines (for the home page).',
		example: '<GuidelineIndex />',
	},
];

export const COMPONENTS_BY_NAME: ReadonlyMap<string, AllowedComponent> = new Map(ALLOWED_COMPONENTS.map((c) => [c.name, c]));
