/** The phase checker's behaviour (<eh-phase-checker>, PhaseChecker.astro); loaded on demand by Islands.astro. */
import { evaluatePhase } from '../../lib/protocol/phase.ts';
import { phaseInputsText, phaseView } from '../../lib/protocol/present.ts';
import { validatePhase } from '../../lib/protocol/validate.ts';
import { errorSummary, shownErrors } from '../../lib/protocol/feedback.ts';
import type { StatementRef } from '../../lib/protocol/statements.ts';
import type { Protocol } from '../../schemas/protocol.ts';
import { el, showErrors, sources, startIsland } from './dom.ts';

class PhaseChecker extends HTMLElement {
	#protocol!: Protocol;
	#refs: Record<string, StatementRef> = {};
	#touched = new Set<string>();
	#submitted = false;

	connectedCallback() {
		const { protocol, refs, form } = startIsland(this, 'Enter the findings above; the phase shows here once the walking days, walking minutes and strength symmetry are filled in.');
		this.#protocol = protocol;
		this.#refs = refs;
		form.addEventListener('input', () => this.#update());
		// A field's message shows once it has been changed and left (change fires on leaving it).
		form.addEventListener('change', (e) => {
			const name = (e.target as HTMLInputElement).name;
			if (name) this.#touched.add(name);
			this.#update();
		});
		form.addEventListener('submit', (e) => {
			e.preventDefault();
			this.#submitted = true;
			const errors = this.#update();
			const announce = this.querySelector('[data-announce]')!;
			announce.textContent = errorSummary(errors) ?? '';
			if (errorSummary(errors)) form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
		});
	}

	#update(): Partial<Record<string, string>> {
		const form = this.querySelector('form')!;
		const v = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
		const c = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).checked;
		const result = validatePhase({
			walkingDays: v('walkingDays'),
			walkingMinutes: v('walkingMinutes'),
			symmetry: v('symmetry'),
			tendernessResolved: v('tenderness') === 'none',
			painAtRestOrNight: c('painAtRestOrNight'),
			tenderness: v('tenderness'),
			painLastSession: c('painLastSession'),
			stage: v('stage'),
			distancePercent: v('distancePercent'),
		});
		showErrors(form, shownErrors(result.errors, { touched: this.#touched, submitted: this.#submitted }));
		if (result.ok) this.querySelector('[data-announce]')!.textContent = '';
		// Keep the last valid result on screen while a field is being corrected.
		if (!result.ok) return result.errors;
		const view = phaseView(evaluatePhase(this.#protocol, result.value));
		this.querySelector('[data-result]')!.replaceChildren(
			el('p', { class: 'phase' }, el('strong', {}, 'Current phase: '), view.phase),
			...view.sections.flatMap(({ title, items }) => [el('h4', {}, title), el('ul', {}, ...items.map((s) => el('li', {}, s.text, ' ', sources(this.#refs, s.claims))))]),
			el('p', { class: 'computed-from' }, phaseInputsText(result.value)),
		);
		// Print shows a computed result only, never the empty form.
		this.dataset.computed = '';
		return {};
	}
}
customElements.define('eh-phase-checker', PhaseChecker);
