// citation-js ships no type declarations; these cover the calls we make.
declare module '@citation-js/core' {
	export const plugins: { config: { get(name: string): unknown } };
	export class Cite {
		constructor(data: unknown);
		format(format: 'bibliography', options: { format?: 'text' | 'html'; template?: string; lang?: string; asEntryArray: true }): [id: string, entry: string][];
		format(format: 'bibliography' | 'citation', options?: { format?: 'text' | 'html'; template?: string; lang?: string }): string;
		format(format: 'bibtex' | 'ris' | 'data', options?: { format?: 'text' | 'object' }): string;
	}
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
