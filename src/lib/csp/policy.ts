/**
 * Content-Security-Policy for the built site, computed from the build output.
 *
 * Scripts: no 'unsafe-inline'. Every inline `<script>` Starlight and Astro emit (theme and
 * sidebar restoration, island hydration) is allowed by the sha256 hash of its exact text, so any
 * script that was not in the build (e.g. injected through content) is blocked by the browser.
 * Styles: 'unsafe-inline' is kept for style-src. Starlight writes `style="--sl-icon-size: …"`
 * attributes on every page, and CSP hashes do not cover style attributes without
 * 'unsafe-hashes'; inline CSS cannot run script, so the trade-off is accepted and documented.
 * Pagefind compiles its WebAssembly search core, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
 */
import { createHash } from 'node:crypto';
import { Tokenizer } from 'htmlparser2';

/** Script types browsers do not execute: data blocks need no hash. */
const DATA_TYPE = /\btype\s*=\s*["']?(application\/(ld\+)?json|importmap-never)["']?/i;

export interface InlineScript {
	/** `'sha256-…'` source expression of the script's exact text. */
	hash: string;
	/** Offset in the document (for error messages). */
	offset: number;
	/** True when the script sits inside `<main>`, i.e. came from page content rather than the layout. */
	inContent: boolean;
}

/**
 * Every inline executable script in one HTML document. Read with htmlparser2's tokenizer (so
 * `<script>` text inside attribute values, comments or other raw-text elements is not mistaken for a
 * script) in one streaming pass that builds nothing: this runs over every built page, and its
 * tree-building parser cost about 2.7 times as much (a full DOM parse four times more again).
 * Without a tree, an element is open from its start tag to its end tag: a `<main>` the browser would
 * close implicitly stays open until its `</main>`, which can only refuse more, never less.
 * As the HTML parser does: tag and attribute names are case-insensitive, the first of a repeated
 * attribute counts, and `<script/>` opens a script like `<script>`.
 */
export function inlineScripts(html: string): InlineScript[] {
	const scripts: InlineScript[] = [];
	let mainDepth = 0;
	let tag = '';
	let tagStart = 0;
	// A script start tag's attributes (only script tags' are read).
	let attrs: Map<string, string> | undefined;
	let attr = '';
	let value = '';
	let open: { offset: number; text: string; inContent: boolean } | undefined;
	const closeScript = () => {
		if (!open) return;
		scripts.push({ hash: `'sha256-${createHash('sha256').update(open.text, 'utf8').digest('base64')}'`, offset: open.offset, inContent: open.inContent });
		open = undefined;
	};
	const startTagEnd = () => {
		if (tag === 'main') mainDepth++;
		if (attrs && !attrs.has('src') && !DATA_TYPE.test(`type="${attrs.get('type') ?? ''}"`)) {
			open = { offset: tagStart, text: '', inContent: mainDepth > 0 };
		}
		attrs = undefined;
	};
	const tokenizer = new Tokenizer(
		{ decodeEntities: false },
		{
			onopentagname(start, end) {
				tag = html.slice(start, end).toLowerCase();
				tagStart = start - 1;
				attrs = tag === 'script' ? new Map() : undefined;
			},
			onattribname(start, end) {
				if (!attrs) return;
				attr = html.slice(start, end).toLowerCase();
				value = '';
			},
			onattribdata(start, end) {
				if (attrs) value += html.slice(start, end);
			},
			onattribend() {
				if (attrs && !attrs.has(attr)) attrs.set(attr, value);
			},
			onopentagend: startTagEnd,
			onselfclosingtag: startTagEnd,
			ontext(start, end) {
				if (open) open.text += html.slice(start, end);
			},
			onclosetag(start, end) {
				const name = html.slice(start, end).toLowerCase();
				if (name === 'main') mainDepth = Math.max(0, mainDepth - 1);
				if (name === 'script') closeScript();
			},
			onattribentity() {},
			ontextentity() {},
			oncdata() {},
			oncomment() {},
			ondeclaration() {},
			onprocessinginstruction() {},
			// A script left open at the end of the document is closed there, as the HTML parser does.
			onend: closeScript,
		},
	);
	tokenizer.write(html);
	tokenizer.end();
	return scripts;
}

/**
 * Hashes to allow for one document. Only layout scripts (Starlight's theme, sidebar and search
 * set-up, outside `<main>`) are allowed: an inline script inside `<main>` came from page content
 * (e.g. `<script>` written in an MDX body) and is refused, so a hash is never computed for it.
 * Component scripts in content (islands) are bundled by Astro into external files.
 */
export function inlineScriptHashes(html: string, page = 'page'): string[] {
	const scripts = inlineScripts(html);
	const inContent = scripts.filter((s) => s.inContent);
	if (inContent.length > 0) {
		throw new Error(
			`${page}: ${inContent.length} inline <script> element(s) inside the page content (first at character ${inContent[0]!.offset}). ` +
				'Content may not add scripts: remove the <script> from the page, or move the behaviour into a component in src/components/ (its script is bundled and allowed by the Content-Security-Policy).',
		);
	}
	return scripts.map((s) => s.hash);
}

/**
 * The policy. `forHeader` adds directives a `<meta>` policy may not carry (frame-ancestors is
 * ignored in meta tags and browsers warn about it).
 */
export function buildPolicy(scriptHashes: Iterable<string>, { forHeader = false } = {}): string {
	const hashes = [...new Set(scriptHashes)].sort();
	const directives = [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	];
	if (forHeader) directives.push("frame-ancestors 'none'");
	return directives.join('; ');
}

/**
 * Inserts the policy as the first element of `<head>` (before any script it governs). A document
 * whose head is implied (no `<head>` tag, e.g. a minimal redirect page) gets the meta tag right
 * after its doctype / `<html>` tag, where the HTML parser opens the head for it. Anything that is
 * not an HTML document is refused with the reason, for the caller to name the file.
 */
export function injectPolicyMeta(html: string, policy: string): string {
	const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
	const withoutOld = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
	const head = /<head\b[^>]*>/i.exec(withoutOld);
	if (head) {
		const at = head.index + head[0].length;
		return withoutOld.slice(0, at) + meta + withoutOld.slice(at);
	}
	const start = /^(\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<!doctype html[^>]*>\s*(?:<html\b[^>]*>)?|\uFEFF?\s*<html\b[^>]*>)/i.exec(withoutOld);
	if (!start) {
		throw new Error('it is not a complete HTML document (no <!doctype html>, <html> or <head>), so the Content-Security-Policy meta tag has no place. Emit a full HTML page.');
	}
	const at = start[0].length;
	return withoutOld.slice(0, at) + meta + withoutOld.slice(at);
}

/**
 * Paths whose files are named by a hash of their content, so a browser may keep them a year without
 * asking again: Astro's bundles (`/_astro/name.HASH.js`) and Pagefind's index chunks
 * (`/pagefind/index/en_HASH.pf_index`, fragments, filters). Unhashed files (HTML, `pagefind.js`,
 * its entry file and WebAssembly) are not listed: they change under the same name.
 */
export const IMMUTABLE_PATHS = ['/_astro/*', '/pagefind/index/*', '/pagefind/fragment/*', '/pagefind/filter/*'] as const;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The `_headers` file (Netlify / Cloudflare Pages format): the policy on every path, and a year's
 * caching for content-hashed assets. Both hosts apply every rule whose path matches.
 */
export function headersFile(policy: string): string {
	return [
		'# Generated by scripts/csp.ts after the Astro build. Do not edit.',
		'/*',
		`  Content-Security-Policy: ${policy}`,
		'  X-Content-Type-Options: nosniff',
		'  Referrer-Policy: strict-origin-when-cross-origin',
		...IMMUTABLE_PATHS.flatMap((path) => [path, `  Cache-Control: ${IMMUTABLE}`]),
		'',
	].join('\n');
}

export interface HeaderRule {
	/** Path pattern, e.g. `/*` or `/_astro/*` (`*` matches anything, slashes included). */
	path: string;
	headers: [name: string, value: string][];
}

/** Reads a `_headers` file back into its rules (for serving the build locally as a host would). */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
		else {
			const at = line.indexOf(':');
			rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
		}
	}
	return rules;
}

/** The headers a host sends for `path`: those of every matching rule, later rules winning. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const rule of rules) {
		const pattern = new RegExp(`^${rule.path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
		if (pattern.test(path)) for (const [name, value] of rule.headers) out[name] = value;
	}
	return out;
}
