/** Tiny DOM helpers for the islands: text is always set as text, never parsed as HTML. */
export function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
	const node = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
	node.append(...children);
	return node;
}

/** Shows each field's message next to it (aria-invalid + aria-describedby), clears the others. */
export function showErrors(form: HTMLFormElement, errors: Partial<Record<string, string>>): void {
	for (const slot of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
		const name = slot.dataset.errorFor!;
		const field = form.elements.namedItem(name) as HTMLInputElement | null;
		const message = errors[name];
		slot.textContent = message ?? '';
		field?.setAttribute('aria-invalid', message ? 'true' : 'false');
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
