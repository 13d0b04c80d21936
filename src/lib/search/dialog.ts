/**
 * The search dialog, loaded only when a reader opens search (button, Ctrl+K or "/"): nothing of it,
 * nor of Pagefind or the index, is fetched before. A native modal <dialog> (focus kept inside,
 * Escape closes it and focus returns to the search button), a search box, filters, a live status
 * line and results that each name the statement's section ("Surface Progression › …") and open
 * the statement itself. Keyboard: type, ↓/↑ through results, Enter opens one.
 */
import { SearchEngine, type Filters, type Outcome, type PagefindLike } from './engine.ts';
import type { PageData, Ranked } from './rank.ts';
import type { Term } from './typo.ts';

interface Pagefind extends PagefindLike {
	options(o: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');
const FILTERS: { name: keyof Filters; label: string }[] = [
	{ name: 'topic', label: 'Topic' },
	{ name: 'review status', label: 'Review status' },
	{ name: 'audience', label: 'Audience' },
	{ name: 'evidence', label: 'Evidence cited by the statement' },
];
const MAX_RESULTS = 10;

let instance: SearchDialog | undefined;

/** A gzipped JSON file of the compact index (undefined when missing); read as it is if the host already decompressed it. */
async function gzipJson<T>(path: string): Promise<T | undefined> {
	const r = await fetch(`${BASE}pagefind/page/${path}`);
	if (!r.ok) return undefined;
	const bytes = new Uint8Array(await r.arrayBuffer());
	const text =
		bytes[0] === 0x1f && bytes[1] === 0x8b
			? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
			: new TextDecoder().decode(bytes);
	return JSON.parse(text) as T;
}

/** A result's page file (undefined when the index has none). */
const pageFile = (id: string) => gzipJson<PageData>(`${id}.json.gz`);

/** Opens the dialog; `trigger` gets focus back when it closes. */
export function openSearch(trigger: HTMLElement | null): SearchDialog {
	instance ??= new SearchDialog();
	instance.open(trigger);
	return instance;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
	node.append(...children);
	return node;
}

class SearchDialog {
	readonly dialog: HTMLDialogElement;
	private readonly input: HTMLInputElement;
	private readonly status: HTMLElement;
	private readonly list: HTMLOListElement;
	private readonly filterBox: HTMLDetailsElement;
	private trigger: HTMLElement | null = null;
	private engine?: Promise<{ engine: SearchEngine; pagefind: Pagefind }>;
	private filters: Filters = {};
	private seq = 0;
	private timer = 0;
	/** Milliseconds taken by the last search (read by the benchmark). */
	lastMs = 0;
	private skipFocusReturn = false;

	constructor() {
		this.input = el('input', {
			type: 'search',
			id: 'eh-search-input',
			autocomplete: 'off',
			spellcheck: 'false',
			enterkeyhint: 'search',
			'aria-controls': 'eh-search-results',
			'aria-describedby': 'eh-search-status',
			placeholder: 'A condition, treatment or question',
		});
		this.status = el('p', { id: 'eh-search-status', class: 'eh-search-status', role: 'status', 'aria-live': 'polite' });
		this.list = el('ol', { id: 'eh-search-results', class: 'eh-search-results', 'aria-label': 'Results' });
		this.filterBox = el('details', { class: 'eh-search-filters' }, el('summary', {}, 'Filters'));
		const close = el('button', { type: 'button', class: 'eh-search-close' }, 'Close');
		const form = el(
			'form',
			{ role: 'search', class: 'eh-search-form' },
			el('label', { for: 'eh-search-input' }, 'Search the handbook'),
			el('div', { class: 'eh-search-row' }, this.input, close),
		);
		this.dialog = el('dialog', { class: 'eh-search', 'aria-label': 'Search the handbook' }, form, this.filterBox, this.status, this.list);
		document.body.append(this.dialog);

		form.addEventListener('submit', (e) => {
			e.preventDefault();
			this.first()?.focus();
		});
		close.addEventListener('click', () => this.dialog.close());
		this.dialog.addEventListener('close', () => {
			document.documentElement.toggleAttribute('data-search-open', false);
			if (!this.skipFocusReturn) this.trigger?.focus();
			this.skipFocusReturn = false;
		});
		// Escape closes search wherever focus is in it (in a search box, Chromium's own Escape would
		// only clear the text first).
		this.dialog.addEventListener('keydown', (e) => {
			if (e.key === 'Escape') {
				e.preventDefault();
				this.dialog.close();
			}
		});
		// A click on the backdrop (outside the dialog's box) closes it.
		this.dialog.addEventListener('click', (e) => {
			if (e.target === this.dialog) this.dialog.close();
		});
		this.input.addEventListener('input', () => {
			clearTimeout(this.timer);
			this.timer = window.setTimeout(() => void this.run(), 60);
		});
		this.input.addEventListener('keydown', (e) => {
			if (e.key === 'ArrowDown') {
				e.preventDefault();
				this.first()?.focus();
			}
		});
		this.list.addEventListener('keydown', (e) => this.move(e));
		this.list.addEventListener('click', (e) => this.follow(e));
		this.filterBox.addEventListener('toggle', () => {
			if (this.filterBox.open) void this.renderFilters();
		});
		this.renderTips();
	}

	open(trigger: HTMLElement | null): void {
		this.trigger = trigger;
		if (!this.dialog.open) this.dialog.showModal();
		document.documentElement.toggleAttribute('data-search-open', true);
		this.input.focus();
		this.input.select();
		void this.load();
	}

	private load() {
		this.engine ??= (async () => {
			const pagefind = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
			// In the page's own thread: the worker would be one more download for a small index.
			await pagefind.options({ noWorker: true, basePath: `${BASE}pagefind/` });
			const [vocabulary] = await Promise.all([fetch(`${BASE}search/vocabulary.json`).then((r) => (r.ok ? r.json() : [])), pagefind.init()]);
			const loadTerms = async (): Promise<Term[]> => {
				const r = await fetch(`${BASE}search/terms.json`);
				return r.ok ? ((await r.json()) as [string, number][]).map(([term, count]) => ({ term, count })) : [];
			};
			// The compact index (src/lib/search/records.ts): a result's page is read from its page file;
			// Pagefind's own fragment only for an index built without the search-data step (astro build alone).
			const pages: PagefindLike = {
				async search(term, options) {
					const found = await pagefind.search(term, options);
					return found && { results: found.results.map((r) => ({ ...r, data: () => pageFile(r.id).then((page) => page ?? r.data()) })) };
				},
			};
			const loadEvidence = async (id: string, page: PageData): Promise<string | undefined> => {
				if (!(page as PageData & { evidence?: 1 }).evidence) return undefined;
				return gzipJson<string>(`${id}.evidence.json.gz`);
			};
			return { engine: new SearchEngine({ pagefind: pages, vocabulary, loadTerms, loadEvidence }), pagefind };
		})();
		return this.engine;
	}

	/** Runs the search for the current text and filters; `query` sets the text first (suggestions). */
	async run(query?: string): Promise<Outcome | undefined> {
		if (query !== undefined) this.input.value = query;
		const text = this.input.value.trim();
		const seq = ++this.seq;
		if (!text) {
			this.list.replaceChildren();
			this.renderTips();
			return undefined;
		}
		const { engine } = await this.load();
		const started = performance.now();
		const outcome = await engine.search(text, this.filters);
		if (seq !== this.seq) return outcome;
		this.lastMs = performance.now() - started;
		this.render(text, outcome);
		// For tests and the benchmark: which query the results on screen answer, and how long it took.
		this.dialog.dataset.ms = this.lastMs.toFixed(1);
		// The term list (typo correction, suggestions) is fetched only when a word is found nowhere
		// (engine.ts): on a large site it is ≈ 15 KB that a search without a misspelling never needs.
		this.dialog.dataset.query = text;
		return outcome;
	}

	private render(text: string, outcome: Outcome): void {
		const results = outcome.results.slice(0, MAX_RESULTS);
		const notes: (Node | string)[] = [];
		if (outcome.corrections.length) {
			notes.push(`Showing results for ${outcome.corrections.map((c) => `“${c.term}” (you typed “${c.typed}”)`).join(', ')}. `);
		}
		if (outcome.expansions.length) {
			notes.push(`Also searched: ${outcome.expansions.map((x) => x.also.slice(0, 3).join(', ')).join('; ')}. `);
		}
		if (outcome.dropped.length) notes.push(`Not found anywhere, left out: ${outcome.dropped.map((d) => `“${d}”`).join(', ')}. `);
		if (!results.length) {
			const suggestions = outcome.suggestions.map((s) => {
				const b = el('button', { type: 'button', class: 'eh-search-suggestion' }, s);
				b.addEventListener('click', () => {
					void this.run(s);
					this.input.focus();
				});
				return b;
			});
			this.status.replaceChildren(
				`No statement matches “${text}”${this.activeFilterCount() ? ' with these filters' : ''}. `,
				...notes,
				...(suggestions.length ? ['Try: ', ...suggestions.flatMap((b, i) => (i ? [' ', b] : [b]))] : ['Try fewer or different words, e.g. a condition or a treatment.']),
			);
			this.list.replaceChildren();
			return;
		}
		this.status.replaceChildren(`${outcome.results.length > MAX_RESULTS ? `Best ${MAX_RESULTS} of ${outcome.results.length}` : results.length} result${results.length === 1 ? '' : 's'}. `, ...notes);
		this.list.replaceChildren(...results.map((r) => this.item(r)));
	}

	private item(r: Ranked): HTMLLIElement {
		const context = el('span', { class: 'eh-search-context' }, [r.unit.pageTitle, ...r.sections].join(' › '));
		const link = el('a', { href: r.url, class: 'eh-search-link' }, context, el('span', { class: 'eh-search-text' }, ...highlighted(r)));
		return el('li', { 'data-id': r.unit.id, 'data-sections': r.unit.context.map((h) => h.id).join(' ') }, link);
	}

	private first(): HTMLAnchorElement | null {
		return this.list.querySelector('a');
	}

	private move(e: KeyboardEvent): void {
		if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
		const links = [...this.list.querySelectorAll('a')];
		const at = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (at < 0) return;
		e.preventDefault();
		if (e.key === 'ArrowUp' && at === 0) this.input.focus();
		else links[Math.min(links.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
	}

	/** A result on this page: close the dialog and move focus to the statement itself. */
	private follow(e: MouseEvent): void {
		const link = (e.target as Element).closest('a');
		if (!link || e.ctrlKey || e.metaKey || e.shiftKey) return;
		const url = new URL(link.href);
		if (url.pathname !== location.pathname) return;
		e.preventDefault();
		this.skipFocusReturn = true;
		this.dialog.close();
		history.pushState(null, '', url.hash || url.pathname);
		const target = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : document.querySelector('h1');
		if (target) {
			if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
			target.scrollIntoView();
			target.focus({ preventScroll: true });
		}
		window.dispatchEvent(new HashChangeEvent('hashchange'));
	}

	private activeFilterCount(): number {
		return Object.values(this.filters).reduce((n, v) => n + (v?.length ?? 0), 0);
	}

	private async renderFilters(): Promise<void> {
		if (this.filterBox.querySelector('fieldset')) return;
		const { pagefind } = await this.load();
		const available = await pagefind.filters();
		for (const { name, label } of FILTERS) {
			const values = Object.entries(available[name] ?? {}).sort(([a], [b]) => a.localeCompare(b));
			if (!values.length) continue;
			const box = el('fieldset', {}, el('legend', {}, label));
			for (const [value] of values) {
				const check = el('input', { type: 'checkbox', value });
				check.addEventListener('change', () => {
					const chosen = new Set(this.filters[name] ?? []);
					if (check.checked) chosen.add(value);
					else chosen.delete(value);
					this.filters = { ...this.filters, [name]: [...chosen] };
					void this.run();
				});
				box.append(el('label', {}, check, ` ${value}`));
			}
			this.filterBox.append(box);
		}
	}

	private renderTips(): void {
		this.status.replaceChildren('Search statements by condition, treatment or question, e.g. “shin splints”, “when can I run again”. Abbreviations and misspellings are understood.');
	}
}

/** The unit's words with matched ones in <mark>, cut to a window around the first match. */
function highlighted(r: Ranked): (Node | string)[] {
	const ws = r.text.split(' ');
	const marks = new Set(r.highlights.map((p) => p - r.unit.start));
	let from = 0;
	let to = ws.length;
	if (ws.length > 40) {
		const first = Math.min(...[...marks].filter((m) => m >= 0), ws.length);
		from = Math.max(0, Math.min(first - 8, ws.length - 40));
		to = from + 40;
	}
	const out: (Node | string)[] = from > 0 ? ['… '] : [];
	for (let i = from; i < to; i++) {
		const w = ws[i]!;
		out.push(marks.has(i) ? el('mark', {}, w) : w, i < to - 1 ? ' ' : '');
	}
	if (to < ws.length) out.push(' …');
	return out;
}
