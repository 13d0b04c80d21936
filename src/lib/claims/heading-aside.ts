/**
 * A heading that carries a source artefact, such as "Strength Training (74% of studies identified
 * this as critical)": the heading proper and the parenthetical aside that states a proportion. The
 * text stays faithful; the page sets the aside apart (smaller, muted) and "On this page" lists
 * only the heading proper.
 */
const TRAILING_ASIDE = /^(.*\S)\s*(\([^()]*\d(?:[.,]\d+)?\s?%[^()]*\))\s*$/s;

export function splitHeadingAside(text: string): { main: string; aside: string } | undefined {
	const m = TRAILING_ASIDE.exec(text);
	return m ? { main: m[1]!, aside: m[2]! } : undefined;
}
