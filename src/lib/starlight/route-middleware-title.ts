/** Page titles in `<head>` (used by route-middleware.ts). */

/** "Evidence Handbook | Evidence Handbook" (a page titled like the site, e.g. home) reads once. */
export function dedupeTitle(title: string): string {
	const parts = title.split(' | ');
	return parts.length === 2 && parts[0] === parts[1] ? parts[0]! : title;
}
