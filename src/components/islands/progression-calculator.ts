/** The progression calculator's behaviour (<eh-progression-calculator>, ProgressionCalculator.astro); loaded on demand by Islands.astro. */
import { buildPlan, type Plan, type PainReport } from '../../lib/protocol/plan.ts';
import { validatePlan, validatePain, type PlanValues } from '../../lib/protocol/validate.ts';
import { decodeScenario, encodeScenario, planCsv, planIcs } from '../../lib/protocol/share.ts';
import { MILESTONE_COLUMNS, SESSION_COLUMNS, planInputsText, planView } from '../../lib/protocol/present.ts';
import { planChart } from '../../lib/protocol/chart.ts';
import { errorSummary, shownErrors } from '../../lib/protocol/feedback.ts';
import type { StatementRef } from '../../lib/protocol/statements.ts';
import type { Protocol } from '../../schemas/protocol.ts';
import { download, el, showErrors, sources, startIsland, svg } from './dom.ts';

const FIELDS = ['pace', 'unit', 'distance', 'start', 'injury'] as const;

class ProgressionCalculator extends HTMLElement {
	#protocol!: Protocol;
	#refs: Record<string, StatementRef> = {};
	#pain: PainReport[] = [];
	#plan: Plan | undefined;
	#values: PlanValues | undefined;
	#touched = new Set<string>();
	#submitted = false;
	#errors: Partial<Record<string, string>> = {};
	#chartWidth = 0;

	connectedCallback() {
		const { protocol, refs, form } = startIsland(this, 'Enter the pre-injury pace and distance; the plan shows here.');
		this.#protocol = protocol;
		this.#refs = refs;
		const shared = decodeScenario(location.search);
		for (const name of FIELDS) {
			const value = shared[name];
			if (value !== undefined) {
				this.#field(name).value = value;
				// A shared case is the reader's input: its mistakes show at once.
				this.#touched.add(name);
			}
		}
		if (!this.#field('start').value) this.#field('start').value = new Date().toISOString().slice(0, 10);
		this.#pain = shared.pain ?? [];
		form.addEventListener('input', (e) => {
			if ((e.target as HTMLElement).closest('[data-needs-plan]')) return;
			this.#update();
		});
		form.addEventListener('change', (e) => {
			const target = e.target as HTMLInputElement;
			if (target.closest('[data-needs-plan]') || !target.name) return;
			this.#touched.add(target.name);
			this.#update();
		});
		form.addEventListener('submit', (e) => {
			e.preventDefault();
			this.#submitted = true;
			this.#update();
			const summary = errorSummary(this.#errors);
			this.#announce(summary ?? (this.#plan ? `Plan calculated: ${this.#plan.sessions.length} sessions.` : ''));
			if (summary) form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
		});
		form.addEventListener('click', (e) => {
			const action = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
			if (action) this.#act(action);
		});
		// The chart is drawn for its width, so its text stays readable from phone to desktop.
		new ResizeObserver(() => {
			const width = this.querySelector<HTMLElement>('[data-result]')!.clientWidth;
			if (this.#plan && this.#values && Math.abs(width - this.#chartWidth) > 24) this.#render(this.#plan, this.#values);
		}).observe(this.querySelector('[data-result]')!);
		if (FIELDS.some((f) => shared[f] !== undefined)) this.#update();
	}

	#field(name: string) {
		return this.querySelector('form')!.elements.namedItem(name) as HTMLInputElement;
	}

	#announce(text: string) {
		this.querySelector('[data-announce]')!.textContent = text;
	}

	#act(action: string) {
		if (action === 'pain') {
			const form = this.querySelector('form')!;
			const report = validatePain({ session: this.#field('painSession').value, rest: this.#field('painRest').value }, this.#plan?.sessions.length);
			showErrors(form, { ...this.#shown(), painSession: report.ok ? undefined : report.error });
			if (!report.ok) return;
			const { session } = report.value;
			this.#pain = [...this.#pain.filter((p) => p.session !== session), report.value];
			this.#update();
			this.#announce(
				Object.keys(this.#errors).length
					? `Pain after session ${session} recorded; correct the highlighted fields to see the new plan.`
					: `Pain rule applied after session ${session}; the plan was recalculated.`,
			);
		} else if (action === 'clear-pain') {
			this.#pain = [];
			this.#update();
			this.#announce('Pain reports cleared.');
		} else if (action === 'copy') {
			navigator.clipboard?.writeText(location.href).then(
				() => this.#announce('Link copied.'),
				() => this.#announce('Copy the address from the address bar.'),
			);
		} else if (action === 'csv' && this.#plan) {
			download('return-to-running-plan.csv', 'text/csv', planCsv(this.#plan));
		} else if (action === 'ics' && this.#plan) {
			download('return-to-running-plan.ics', 'text/calendar', planIcs(this.#plan));
		} else if (action === 'print') {
			window.print();
		}
	}

	#shown() {
		return shownErrors(this.#errors, { touched: this.#touched, submitted: this.#submitted });
	}

	#update() {
		const form = this.querySelector('form')!;
		const fields = { pace: this.#field('pace').value, unit: this.#field('unit').value, distance: this.#field('distance').value, start: this.#field('start').value, injury: this.#field('injury').value };
		const result = validatePlan(this.#protocol, fields);
		this.#errors = result.errors;
		showErrors(form, this.#shown());
		if (!result.ok) return; // the last valid plan stays on screen
		const url = new URL(location.href);
		url.search = encodeScenario({ ...fields, pain: this.#pain });
		history.replaceState(null, '', url);
		this.#values = result.value;
		this.#plan = buildPlan(this.#protocol, { ...result.value, pain: this.#pain });
		this.#render(this.#plan, result.value);
	}

	#render(plan: Plan, values: PlanValues) {
		const view = planView(this.#protocol, plan, values.unit);
		const prefix = this.dataset.prefix ?? 'calc';
		const head = (columns: readonly string[]) => el('thead', {}, el('tr', {}, ...columns.map((h) => el('th', { scope: 'col' }, h))));
		// A table wider than its box scrolls inside a focusable, named region (keyboard users can scroll it).
		const scroll = (name: string, table: HTMLElement) => el('section', { class: 'table-scroll', tabindex: '0', 'aria-label': name }, table);
		const result = this.querySelector<HTMLElement>('[data-result]')!;
		this.#chartWidth = result.clientWidth;
		const chart = planChart(plan, { width: this.#chartWidth, idPrefix: prefix });
		result.replaceChildren(
			el('p', { class: 'computed-from' }, planInputsText(values)),
			...view.summary.map((s) => el('p', {}, s.text, ' ', sources(this.#refs, s.claims))),
			el('figure', { class: 'plan-figure' }, svg(chart.svg), el('figcaption', {}, 'Running distance by week after the injury (dots: sessions; crosses: pain reported), over the guideline’s milestone windows (shaded). The tables below give the same plan as text.')),
			scroll(
				'Milestones table',
				el('table', { class: 'milestones' }, el('caption', {}, 'Milestones: plan against the guideline (weeks after injury)'), head(MILESTONE_COLUMNS), el('tbody', {}, ...view.milestones.map((m) => el('tr', {}, el('th', { scope: 'row' }, m.label), el('td', {}, m.guideline), el('td', {}, m.plan), el('td', {}, m.verdict, ' ', sources(this.#refs, m.claims)))))),
			),
			scroll(
				'Sessions table',
				el('table', { class: 'sessions' }, el('caption', {}, 'Sessions'), head(SESSION_COLUMNS), el('tbody', {}, ...view.sessions.map((s) => el('tr', s.pain ? { 'data-pain': '' } : {}, el('td', {}, s.n), el('td', { class: 'nowrap' }, s.date), el('td', { class: 'nowrap' }, s.distance), el('td', {}, s.percent), el('td', {}, s.todo))))),
			),
		);
		this.querySelector<HTMLElement>('[data-needs-plan]')!.hidden = false;
		this.dataset.computed = '';
	}
}
customElements.define('eh-progression-calculator', ProgressionCalculator);
