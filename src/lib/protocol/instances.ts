/** Numbers the calculator instances of one page render (1, 2, …), for their per-instance ids. */
const counts = new WeakMap<object, number>();

/** The next instance number on the page being rendered (`page` is that render's Astro.request). */
export function nextInstance(page: object): number {
	const n = (counts.get(page) ?? 0) + 1;
	counts.set(page, n);
	return n;
}
