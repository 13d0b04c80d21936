// citeproc-js ships no type declarations; these cover the calls the tests make.
declare module 'citeproc' {
	interface Sys {
		retrieveLocale(lang: string): string;
		retrieveItem(id: string): Record<string, unknown>;
	}
	class Engine {
		constructor(sys: Sys, style: string, lang?: string);
		setOutputFormat(format: 'text' | 'html'): void;
		updateItems(ids: string[]): void;
		makeBibliography(): [unknown, string[]] | false;
	}
	const CSL: { Engine: typeof Engine };
	export default CSL;
}
