/** Addresses of content: a page's site path from its entry id. */

/** Site path of a content entry, e.g. "guidelines/x/y" → "/guidelines/x/y/", "" (home) → "/". */
export function pagePath(id: string): string {
	return id === '' ? '/' : `/${id}/`;
}
