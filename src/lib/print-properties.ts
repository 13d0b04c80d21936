/**
 * The root custom properties a printed page's margins read (src/styles/evidence.css `@page`):
 * set by the page's head (src/lib/print-head.ts) and, for the print date, in the browser
 * (src/components/PrintSupport.astro). A module of its own so the browser script stays tiny.
 */
export const PRINT_PROPERTIES = {
	title: '--eh-print-title',
	url: '--eh-print-url',
	status: '--eh-print-status',
	version: '--eh-print-version',
	date: '--eh-print-date',
} as const;
