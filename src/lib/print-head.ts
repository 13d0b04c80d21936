/**
 * What a printed page repeats on every sheet of paper: the page's title, its permanent address,
 * its review status and the version printed (its last change), plus the date it was printed.
 *
 * Chromium (and the CSS Paged Media spec) puts `@page` margin boxes on every printed page; their
 * `content` can read custom properties of the root element. So each page gets one small `<style>`
 * in its head, `:root { --eh-print-title: "…"; … }` (built here, added by the route middleware),
 * and src/styles/evidence.css places the values in the margins. The print date is the one thing
 * the build cannot know: src/components/PrintSupport.astro sets `--eh-print-date` in the browser.
 */
import { formatDate, reviewStatusLabel } from './review.ts';
import type { ReviewStatus } from '../schemas/review.ts';
import { PRINT_PROPERTIES } from './print-properties.ts';

export { PRINT_PROPERTIES };

export interface PrintHead {
	/** The page's title as the reader sees it. */
	title: string;
	/** The page's permanent address (canonical URL). */
	url: string;
	/** A guideline's review status. */
	status?: ReviewStatus | undefined;
	/** A guideline's last change: the version a printout is of. */
	version?: Date | undefined;
}


/**
 * A CSS string literal for any text: backslashes and quotes escaped, line breaks as spaces, and
 * every character that could end the `<style>` element or confuse a parser (`<`, `>`, `&`, control
 * characters) as a CSS hex escape. Content is data: a title like `</style><script>` stays text.
 */
export function cssString(text: string): string {
	const escaped = text
		.replace(/\s+/g, ' ')
		.replace(/[\\"<>&\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
	return `"${escaped}"`;
}

/** The values printed in the page margins, as text (one place decides their wording). */
export function printHeadText(head: PrintHead): Record<Exclude<keyof typeof PRINT_PROPERTIES, 'date'>, string> {
	return {
		title: head.title,
		url: head.url,
		status: head.status ? `Review status: ${reviewStatusLabel(head.status)}` : '',
		version: head.version ? `Version of ${formatDate(head.version)}` : '',
	};
}

/** The `<style>` content for a page's head: the root custom properties the margins print. */
export function printHeadCss(head: PrintHead): string {
	const text = printHeadText(head);
	const declarations = (Object.keys(text) as (keyof typeof text)[])
		.filter((key) => text[key] !== '')
		.map((key) => `${PRINT_PROPERTIES[key]}:${cssString(text[key])}`);
	return `:root{${declarations.join(';')}}`;
}
