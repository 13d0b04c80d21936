/**
 * Pages are a closed language. A page in `content/` may hold Markdown, our markers ([@key],
 * [!gap-id], [#id]), MDX comments and the components of src/lib/markdown/components.ts with their
 * listed props set to literal values — nothing else. This module finds everything else in a
 * page's syntax tree: imports and exports, `{expressions}`, other elements (raw HTML included),
 * other or computed props, event handlers, and script-capable URLs.
 *
 * Pure: reads the tree, returns problems with positions. Used by the claim check (each problem is
 * a finding) and by the site's Markdown plugin, which refuses to render a page that has any, so
 * even `astro dev` or a build that skipped the check never runs a page's code.
 */
import type { Nodes, Root } from 'mdast';
import { ALLOWED_COMPONENTS, COMPONENTS_BY_NAME, type AllowedComponent } from '../markdown/components.ts';

export type LanguageRule = 'mdx-import' | 'mdx-expression' | 'mdx-element-forbidden' | 'mdx-prop-forbidden' | 'url-unsafe' | 'code-block-forbidden';

export interface LanguageProblem {
	rule: LanguageRule;
	line: number;
	column: number;
	message: string;
}

/** Schemes that run script or read local files when followed; `data:` can carry a whole HTML page. */
const UNSAFE_SCHEME = /^(javascript|vbscript|data|file):/i;

/** A URL as a browser reads its scheme. */
function normalizedUrl(url: string): string {
	// Browsers drop ASCII control characters and spaces inside a scheme ("java\tscript:"), and decode
	// character references in attribute values ("java&#9;script:") before reading it.
	return url
		.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
		.replace(/&(tab|newline);/gi, '')
		.replace(/[\u0000-\u0020]/g, '');
}

/** True when a URL, as a browser reads it, uses a script-capable scheme. */
export function isScriptCapableUrl(url: string): boolean {
	return UNSAFE_SCHEME.test(normalizedUrl(url));
}

const schemeOf = (url: string) => UNSAFE_SCHEME.exec(normalizedUrl(url))?.[1]?.toLowerCase() ?? '?';

/** An MDX comment, `{/* … *\/}`: the only expression a page may hold. */
export function isMdxComment(value: string): boolean {
	const inner = value.trim();
	return inner.startsWith('/*') && inner.endsWith('*/') && inner.indexOf('*/') === inner.length - 2;
}

/** What to write instead of an HTML element, in Markdown. */
const MARKDOWN_FOR: Record<string, string> = {
	p: 'write the text as a paragraph (a blank line before and after)',
	div: 'write the text as a paragraph (a blank line before and after)',
	span: 'write the text as it is',
	section: 'use a heading: ## Title [#id]',
	b: 'write **bold**',
	strong: 'write **bold**',
	i: 'write *italic*',
	em: 'write *italic*',
	a: 'write a link as [text](https://…)',
	img: 'write an image as ![description](/path/to/image.png)',
	ul: 'write a list with "- " at the start of each item',
	ol: 'write a numbered list with "1. " at the start of each item',
	li: 'write a list item with "- " at the start of the line',
	table: 'write a Markdown table (| a | b |)',
	br: 'start a new paragraph instead (a blank line)',
	h1: 'write a heading as ## Title [#id]',
	h2: 'write a heading as ## Title [#id]',
	h3: 'write a heading as ### Title [#id]',
	h4: 'write a heading as #### Title',
	blockquote: 'write a quotation with "> " and cite its source',
	aside: 'use <Aside> or a :::note callout',
	details: 'write the text as paragraphs',
	sup: 'write the text as it is',
	sub: 'write the text as it is',
};

const EMBEDS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'form', 'input', 'button', 'link', 'meta', 'base', 'svg', 'math', 'template', 'video', 'audio', 'canvas']);

const excerpt = (text: string, max = 50) => {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const allowedNames = () => ALLOWED_COMPONENTS.map((c) => `<${c.name}>`).join(', ');

type JsxAttribute =
	| { type: 'mdxJsxAttribute'; name: string; value?: string | null | { type: 'mdxJsxAttributeValueExpression'; value: string } }
	| { type: 'mdxJsxExpressionAttribute'; value: string };

interface JsxElement {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: JsxAttribute[];
	children: Nodes[];
	position?: { start: { line: number; column: number } };
}

function elementProblems(node: JsxElement, at: { line: number; column: number }, out: LanguageProblem[]): void {
	const push = (rule: LanguageRule, message: string) => out.push({ rule, ...at, message });
	const component = node.name ? COMPONENTS_BY_NAME.get(node.name) : undefined;
	if (!component) {
		const name = node.name ?? '';
		const lower = name.toLowerCase();
		const near = ALLOWED_COMPONENTS.find((c) => c.name.toLowerCase() === lower);
		const instead = near
			? `did you mean <${near.name}>? (component names start with a capital letter)`
			: name === ''
				? 'remove the <> and </> around the text'
				: EMBEDS.has(lower)
					? 'pages cannot embed scripts, frames, objects, forms or media; link to the resource instead'
					: (MARKDOWN_FOR[lower] ?? `use Markdown, or one of the components pages may use (${allowedNames()})`);
		push('mdx-element-forbidden', `<${name}> is not allowed in a page: ${instead}.`);
	}
	for (const attr of node.attributes) {
		if (attr.type === 'mdxJsxExpressionAttribute') {
			push('mdx-prop-forbidden', `{${excerpt(attr.value, 30)}} in <${node.name}> is code; give each prop a literal value, e.g. name="value".`);
			continue;
		}
		const value = attr.value;
		if (/^on/i.test(attr.name)) {
			push('mdx-prop-forbidden', `${attr.name} on <${node.name}> is an event handler (it runs script); pages cannot run script.`);
			continue;
		}
		if (typeof value === 'string' && isScriptCapableUrl(value)) {
			push('url-unsafe', `${attr.name}="${excerpt(value, 30)}" on <${node.name}> is a ${schemeOf(value)}: URL, which can run script; link to an https:// address or a page path.`);
			continue;
		}
		if (!component) {
			// Script-capable props of elements that are not allowed at all: named so a reviewer sees the risk.
			if (['srcdoc', 'data', 'src', 'href', 'action', 'formaction'].includes(attr.name.toLowerCase()) && value && typeof value === 'object') {
				push('mdx-prop-forbidden', `${attr.name}={${excerpt(value.value, 30)}} on <${node.name}> is code.`);
			} else if (attr.name.toLowerCase() === 'srcdoc') {
				push('mdx-prop-forbidden', `srcdoc on <${node.name}> embeds a whole HTML document, which can run script.`);
			}
			continue;
		}
		propProblems(component, attr, push);
	}
	if (component) {
		const given = new Set(node.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' ? [a.name] : [])));
		for (const [name, rule] of Object.entries(component.props)) {
			if (rule.required && !given.has(name)) push('mdx-prop-forbidden', `<${component.name}> needs ${name}="…": ${rule.describe}`);
		}
	}
}

function propProblems(component: AllowedComponent, attr: Extract<JsxAttribute, { type: 'mdxJsxAttribute' }>, push: (rule: LanguageRule, message: string) => void): void {
	const rule = component.props[attr.name];
	const known = Object.keys(component.props);
	if (!rule) {
		const near = known.find((k) => k.toLowerCase() === attr.name.toLowerCase());
		push(
			'mdx-prop-forbidden',
			`<${component.name}> has no prop "${attr.name}"${near ? `: did you mean ${near}?` : known.length ? ` (its props: ${known.join(', ')}).` : ' (it takes no props).'}`,
		);
		return;
	}
	const value = attr.value;
	if (typeof value !== 'string') {
		push(
			'mdx-prop-forbidden',
			value && typeof value === 'object'
				? `${attr.name}={${excerpt(value.value, 30)}} on <${component.name}> is code; write a literal value: ${attr.name}="…".`
				: `${attr.name} on <${component.name}> needs a value: ${attr.name}="…".`,
		);
		return;
	}
	if (rule.values && !rule.values.includes(value)) {
		const near = rule.values.find((v) => v.toLowerCase() === value.toLowerCase().trim());
		push('mdx-prop-forbidden', `${attr.name}="${excerpt(value, 30)}" on <${component.name}> is not one of ${rule.values.map((v) => `"${v}"`).join(', ')}${near ? `: did you mean "${near}"?` : '.'}`);
		return;
	}
	if (rule.pattern && !rule.pattern.test(value)) {
		push('mdx-prop-forbidden', `${attr.name}="${excerpt(value, 30)}" on <${component.name}> is not a usable value: ${rule.describe}`);
	}
}

/** Code blocks, refused in guidelines: clinical text in them would be published unchecked. */
export function guidelineBodyProblems(tree: Root): LanguageProblem[] {
	const out: LanguageProblem[] = [];
	const visit = (node: Nodes) => {
		if (node.type === 'code') {
			const start = node.position?.start ?? { line: 1, column: 1 };
			out.push({ rule: 'code-block-forbidden', line: start.line, column: start.column, message: `A code block (${excerpt(node.value, 40) || 'empty'}) is not allowed in a guideline: its text would be published without the claim check.` });
			return;
		}
		if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
	};
	visit(tree);
	return out;
}

/** Every construct outside the closed language, in document order. */
export function languageProblems(tree: Root): LanguageProblem[] {
	const out: LanguageProblem[] = [];
	const visit = (node: Nodes, parentAt: { line: number; column: number }) => {
		const start = node.position?.start;
		const at = start ? { line: start.line, column: start.column } : parentAt;
		switch (node.type as string) {
			case 'mdxjsEsm': {
				const value = (node as { value: string }).value;
				const provided = ALLOWED_COMPONENTS.filter((c) => new RegExp(`\\b${c.name}\\b`).test(value)).map((c) => c.name);
				out.push({
					rule: 'mdx-import',
					...at,
					message: provided.length
						? `"${excerpt(value)}": pages do not import components; ${provided.join(', ')} ${provided.length === 1 ? 'is' : 'are'} provided by the site. Delete this line.`
						: `"${excerpt(value)}": a page cannot import or export code (it would run when the site is built).`,
				});
				return;
			}
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				const value = (node as { value: string }).value;
				if (!isMdxComment(value)) {
					out.push({ rule: 'mdx-expression', ...at, message: `{${excerpt(value)}} is code, not text: a page cannot compute what it shows.` });
				}
				return;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				elementProblems(node as unknown as JsxElement, at, out);
				break;
			case 'html': {
				const value = (node as { value: string }).value;
				// A closing tag belongs to the opening one, already reported.
				if (/^<\/[a-z]/i.test(value.trim())) return;
				out.push({
					rule: 'mdx-element-forbidden',
					...at,
					message: value.trim().startsWith('<!--')
						? `"${excerpt(value)}": HTML comments are not allowed in a page (in a .md page readers see them as text); in an .mdx page write {/* comment */}.`
						: `"${excerpt(value)}" is raw HTML, which is not allowed in a page: write it in Markdown.`,
				});
				return;
			}
			case 'link':
			case 'image':
			case 'definition': {
				const url = (node as { url: string }).url;
				if (isScriptCapableUrl(url)) {
					out.push({ rule: 'url-unsafe', ...at, message: `The ${node.type === 'image' ? 'image' : 'link'} address "${excerpt(url, 30)}" uses the ${schemeOf(url)}: scheme, which can run script or embed a document; link to an https:// address or a page path.` });
				}
				break;
			}
		}
		if ('children' in node) for (const child of node.children as Nodes[]) visit(child, at);
	};
	visit(tree, { line: 1, column: 1 });
	return out;
}
