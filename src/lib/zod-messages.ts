/**
 * Zod's own messages ("Invalid input: expected string, received undefined") reworded for editors:
 * what is wrong, in words, followed by the field's `.describe()` text, which says what the field is
 * for. Pass as the error map of a parse: `Schema.safeParse(value, { error: editorMessages })`.
 * Messages written in a schema itself (refinements, custom errors) take precedence, as Zod's
 * precedence rules give schema-level messages priority over a per-parse map.
 */
import type { z } from 'zod';
import { closest } from './findings/suggest.ts';

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
		case 'invalid_value': {
			const guess = typeof issue.input === 'string' ? closest(issue.input, issue.values.map(String)) : undefined;
			return `${describe(issue.input)} is not allowed:${guess ? ` did you mean "${guess}"? Use` : ' use'} one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.${help}`;
		}
		case 'unrecognized_keys': {
			const allowed = inst?.shape ? Object.keys(inst.shape) : [];
			const fields = issue.keys.map((k) => `"${k}"`).join(', ');
			const guess = issue.keys.length === 1 ? closest(issue.keys[0]!, allowed) : undefined;
			const list = allowed.length ? `the fields allowed here are ${allowed.join(', ')}.` : '';
			return `unknown field${issue.keys.length > 1 ? 's' : ''} ${fields}: ${guess ? `did you mean "${guess}"?${list ? ` ${list.charAt(0).toUpperCase()}${list.slice(1)}` : ''}` : `check the spelling${list ? `; ${list}` : '.'}`}`;
		}
		case 'too_small': {
			const n = Number(issue.minimum);
			if (issue.origin === 'array' || issue.origin === 'set') return n <= 1 ? `is empty: give at least one entry, or leave the field out.${help}` : `needs at least ${n} entries.${help}`;
			if (issue.origin === 'string') return n <= 1 ? `is empty: write a value, or leave the field out.${help}` : `is too short: write at least ${n} characters.${help}`;
			return `should be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}, not ${describe(issue.input)}.${help}`;
		}
		case 'too_big': {
			if (issue.origin === 'array' || issue.origin === 'set') return `has too many entries: at most ${String(issue.maximum)}.${help}`;
			if (issue.origin === 'string') return `is too long: at most ${String(issue.maximum)} characters.${help}`;
			return `should be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}, not ${describe(issue.input)}.${help}`;
		}
		case 'invalid_format':
			return `${describe(issue.input)} is not in the expected form${issue.format === 'regex' ? '' : ` (${issue.format})`}.${help}`;
		case 'invalid_union':
			return `${describe(issue.input)} does not match any of the forms this field accepts.${help}`;
		case 'not_multiple_of':
			return `should be a multiple of ${String(issue.divisor)}.${help}`;
		default:
			return undefined;
	}
};
