/**
 * Zod's own messages ("Invalid input: expected string, received undefined") reworded for editors:
 * what is wrong, in words, followed by the field's `.describe()` text, which says what the field is
 * for. Pass as the error map of a parse: `Schema.safeParse(value, { error: editorMessages })`.
 * Messages written in a schema itself (refinements, custom errors) take precedence, as Zod's
 * precedence rules give schema-level messages priority over a per-parse map.
 */
import type { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

function describe(value: unknown): string {
	if (value === null) return 'nothing (null)';
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'a date';
	if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`;
	if (typeof value === 'object') return 'a group of fields';
	return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

const KIND: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	tuple: 'a list',
	object: 'a group of fields',
	date: 'a date (YYYY-MM-DD)',
};

export const editorMessages: z.core.$ZodErrorMap = (issue: Issue) => {
	const inst = issue.inst as { description?: string; shape?: Record<string, unknown> } | undefined;
	const help = inst?.description ? ` ${inst.description}` : '';
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return `is missing.${help}`;
			return `should be ${KIND[issue.expected] ?? issue.expected}, not ${describe(issue.input)}.${help}`;
		case 'invalid_value':
			return `${describe(issue.input)} is not allowed: use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.${help}`;
		case 'unrecognized_keys': {
			const allowed = inst?.shape ? Object.keys(inst.shape) : [];
			const fields = issue.keys.map((k) => `"${k}"`).join(', ');
			return `unknown field${issue.keys.length > 1 ? 's' : ''} ${fields}: check the spelling${allowed.length ? `; the fields allowed here are ${allowed.join(', ')}` : ''}.`;
		}
		default:
			return undefined;
	}
};
