/** Tiny DOM helpers for the islands: text is always set as text, never parsed as HTML. */
import type { SvgNode } from '../../lib/protocol/chart.ts';
import { refLabel, type StatementRef } from '../../lib/protocol/statements.ts';
import type { Protocol } from '../../schemas/protocol.ts';

export function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
	const node = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
	node.append(...children);
	return node;
}

/** An SVG built by a pure builder (src/lib/protocol/chart.ts) as elements. */
export function svg(n: SvgNode): SVGElement {
	const node = document.createElementNS('http://www.w3.org/2000/svg', n.tag);
	for (const [k, v] of Object.entries(n.attrs)) node.setAttribute(k, v);
	node.append(...n.children.map((c) => (typeof c === 'string' ? c : svg(c))));
	return node;
}

/**
 * "Sources: <statement> · <statement>": links named by the statement's opening words; the whole
 * statement (section › text) shows on hover and focus (src/components/CitePreviews.astro).
 */
export function sources(refs: Record<string, StatementRef>, ids: readonly string[]): HTMLElement | string {
	const unique = [...new Set(ids)];
	if (!unique.length) return '';
	const links = unique.flatMap((id, i) => {
		const ref = refLabel(refs, id);
		const link = el('a', { href: `#${id}`, 'data-statement': ref.text }, ref.label);
		return i ? [' · ', link] : [link];
	});
	return el('span', { class: 'sources' }, unique.length > 1 ? 'Sources: ' : 'Source: ', ...links);
}

/**
 * Shows each field's message next to it and marks only those fields `aria-invalid`; every other
 * field carries no `aria-invalid` at all (an untouched form has none).
 */
export function showErrors(form: HTMLFormElement, errors: Partial<Record<string, string>>): void {
	for (const slot of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
		const name = slot.dataset.errorFor!;
		const field = form.elements.namedItem(name) as HTMLInputElement | null;
		const message = errors[name];
		if (slot.textContent !== (message ?? '')) slot.textContent = message ?? '';
		if (message) field?.setAttribute('aria-invalid', 'true');
		else field?.removeAttribute('aria-invalid');
	}
}

/** Offers `text` as a file download. */
export function download(name: string, type: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = el('a', { href: url, download: name });
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * What both calculators do when their code arrives: read the protocol and the statements it cites
 * from the element's data attributes (Islands.astro), enable the form the page rendered disabled
 * (it cannot work without this code) and replace the "needs JavaScript" words with `waiting`.
 */
export function startIsland(host: HTMLElement, waiting: string): { protocol: Protocol; refs: Record<string, StatementRef>; form: HTMLFormElement } {
	const protocol = JSON.parse(host.dataset.protocol!) as Protocol;
	const refs = JSON.parse(host.dataset.statements ?? '{}') as Record<string, StatementRef>;
	const form = host.querySelector('form')!;
	for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')) control.disabled = false;
	host.querySelector('[data-noscript]')!.textContent = waiting;
	return { protocol, refs, form };
}
