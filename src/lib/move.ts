/**
 * Moving a page (`npm run move -- <old file> <new file>`): the pure parts. The script
 * (scripts/move.ts) moves the file, then uses these to record the redirect and to rewrite every
 * link to the old address in the content (related questions, protocol files, Markdown links).
 */
import type { Redirect } from './redirects.ts';

/** The site path of a content file: content/guidelines/a/b.mdx → /guidelines/a/b/. */
export function sitePathOf(contentRelative: string): string {
	const id = contentRelative.replace(/\\/g, '/').replace(/\.(mdx|md)$/, '');
	return id === 'index' ? '/' : `/${id}/`;
}

/** The entry id of a content file (used by protocol files): guidelines/a/b. */
export function entryIdOf(contentRelative: string): string {
	return contentRelative.replace(/\\/g, '/').replace(/\.(mdx|md)$/, '');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites links to the old page in a content file: site paths (/old/path/, /old/path/#id,
 * /old/path) and, in protocol files, `guideline: old/id`. Returns the new text and the count.
 */
export function rewriteLinks(text: string, from: { path: string; id: string }, to: { path: string; id: string }): { text: string; count: number } {
	let count = 0;
	const bare = from.path.replace(/\/$/, '');
	// A site path followed by "/", "#", a quote, a bracket, whitespace or the end (never a longer path).
	const pathPattern = new RegExp(`(?<=[\\s("'\\[:=]|^)${escape(bare)}(/?)(?=[#)"'\\]\\s,]|$)`, 'gm');
	let out = text.replace(pathPattern, (_m, slash: string) => {
		count++;
		return slash ? to.path : to.path.replace(/\/$/, '');
	});
	const idPattern = new RegExp(`^(\\s*guideline:\\s*["']?)${escape(from.id)}(["']?\\s*(?:#.*)?)$`, 'gm');
	out = out.replace(idPattern, (_m, pre: string, post: string) => {
		count++;
		return `${pre}${to.id}${post}`;
	});
	return { text: out, count };
}

/**
 * Sets the main topic (the first of `topics:`) in a page's frontmatter text, keeping everything
 * else as written. Handles `topics: [a, b]` and a block list. Returns undefined when the
 * frontmatter has no `topics:` to change.
 */
export function setMainTopic(source: string, topic: string): string | undefined {
	const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
	if (!fm) return undefined;
	const lines = fm[1]!.split('\n');
	const at = lines.findIndex((l) => /^topics:/.test(l));
	if (at < 0) return undefined;
	const inline = /^topics:\s*\[\s*([^,\]\s]+)/.exec(lines[at]!);
	if (inline) lines[at] = lines[at]!.replace(/^(topics:\s*\[\s*)[^,\]\s]+/, `$1${topic}`);
	else {
		const item = lines.findIndex((l, i) => i > at && /^\s*-\s*\S/.test(l));
		if (item < 0) return undefined;
		lines[item] = lines[item]!.replace(/^(\s*-\s*)\S+/, `$1${topic}`);
	}
	const start = fm.index + 4;
	return source.slice(0, start) + lines.join('\n') + source.slice(start + fm[1]!.length);
}

/**
 * The redirects after moving `from` → `to`: a redirect from the old address is added, redirects
 * that pointed at the old address now point at the new one (no chains), anchors of split pages
 * that lived on the old page follow it, and a redirect away from the new address (moving back)
 * is dropped, since the page is there again.
 */
export function recordMove(redirects: readonly Redirect[], from: string, to: string): Redirect[] {
	const moved = (target: string) => (target === from ? to : target.startsWith(`${from}#`) ? `${to}${target.slice(from.length)}` : target);
	const out = redirects
		.filter((r) => r.from !== to && r.from !== from)
		.map((r) => ({ from: r.from, to: moved(r.to), anchors: Object.fromEntries(Object.entries(r.anchors).map(([k, v]) => [k, moved(v)])) }));
	out.push({ from, to, anchors: {} });
	return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** permalinks/redirects.json text: a plain "to" for whole-page moves, { to, anchors } for splits. */
export function redirectsJson(redirects: readonly Redirect[]): string {
	const body = Object.fromEntries(redirects.map((r) => [r.from, Object.keys(r.anchors).length ? { to: r.to, anchors: r.anchors } : r.to]));
	return `${JSON.stringify(body, null, '\t')}\n`;
}
