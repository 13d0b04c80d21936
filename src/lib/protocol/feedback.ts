/**
 * When the calculators show a field's message: only once the reader has finished with the field
 * (changed it and moved on) or submitted the form. An untouched form shows no error and no
 * `aria-invalid`, however empty; a field already showing a message updates as it is corrected.
 */
export interface FeedbackState {
	/** Fields the reader changed and left (or that came pre-filled from a shared link). */
	touched: ReadonlySet<string>;
	/** The form was submitted: every field's message shows. */
	submitted: boolean;
}

/** The messages to show now, out of every field's current message. */
export function shownErrors(errors: Partial<Record<string, string>>, state: FeedbackState): Partial<Record<string, string>> {
	const shown: Partial<Record<string, string>> = {};
	for (const [name, message] of Object.entries(errors)) {
		if (message && (state.submitted || state.touched.has(name))) shown[name] = message;
	}
	return shown;
}

/** What the form's status line announces after a submit with errors, or undefined when there are none. */
export function errorSummary(errors: Partial<Record<string, string>>): string | undefined {
	const n = Object.values(errors).filter(Boolean).length;
	if (!n) return undefined;
	return n === 1 ? 'One field needs correcting; its message is next to it.' : `${n} fields need correcting; each message is next to its field.`;
}
