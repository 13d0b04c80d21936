/**
 * Zod's own messages ("Too small: expected array to have >=1 items") reworded for editors: what is
 * wrong, in words, the likely intended value where one can be guessed, then what the field is for
 * (its `.describe()` text).
 *
 * The description is looked up from the root schema along the issue's path, because `.describe()`
 * is usually written on the outermost wrapper (`z.array(…).min(1).optional().describe(…)`) while
 * Zod reports the issue on the inner schema, which has none. So parse with the root's map:
 * `Schema.safeParse(value, { error: editorErrorMap(Schema) })`. Messages written in a schema itself
 * (refinements, custom errors) take precedence, as Zod gives schema-level messages priority over a
 * per-parse map.
 */
import type { z } from 'zod';
import { closest } from './findings/suggest.ts';
import { defOf, typeOf, unwrap } from './editor-guide/fields.ts';

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

/** What the schema says about the field an issue is at, for wording the message. */
interface Context {
	/** The field's type in words ("text or number"). */
	kind?: string;
	/** Whether the field may be left out. */
	optional: boolean;
	/** For a group: its fields, required ones first, and for each its allowed values if a closed list. */
	fields: { name: string; required: boolean; values?: string[] }[];
	/** For a list: the fields of its entries when they are groups. */
	entryFields: string[];
}

/** What the editor probably meant to write, for a value of the wrong kind; '' when there is no good guess. */
function intended(expected: string, input: unknown, ctx: Context): string {
	const scalar = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean';
	if ((expected === 'array' || expected === 'tuple') && scalar) {
		if (ctx.entryFields.length) return ` Write each entry on its own line starting with "- ", with its fields (${ctx.entryFields.join(', ')}).`;
		return ` Write it as a list, e.g. [${String(input)}].`;
	}
	if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return ` Put it in quotes: "${String(input)}".`;
	if ((expected === 'number' || expected === 'int') && typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input))) return ` Write it without quotes: ${Number(input)}.`;
	if (expected === 'boolean' && typeof input === 'string' && /^(true|false|yes|no)$/i.test(input)) return ` Write ${/^(true|yes)$/i.test(input) ? 'true' : 'false'}, without quotes.`;
	if (expected === 'object' && ctx.fields.length) {
		// "review: submitted" most likely meant the group's field whose allowed values include it.
		const owner = scalar ? ctx.fields.find((f) => f.values?.includes(String(input))) : undefined;
		if (owner) return ` Did you mean the field ${owner.name} inside it? Write "${owner.name}: ${String(input)}" on the next line, indented by two spaces.`;
		const required = ctx.fields.filter((f) => f.required).map((f) => f.name);
		const shown = required.length ? required : ctx.fields.map((f) => f.name);
		return ` Write ${required.length ? `its required field${shown.length === 1 ? '' : 's'}` : `its field${shown.length === 1 ? '' : 's'}`} (${shown.join(', ')}) on the lines below it, indented by two spaces.`;
	}
	return '';
}

/** Zod's issue in an editor's words (without the field's description). */
function reword(issue: Issue, ctx: Context): string | undefined {
	const fields = ctx.fields.map((f) => f.name);
	const leaveOut = ctx.optional ? ', or leave the field out' : '';
	const inst = issue.inst as { shape?: Record<string, unknown> } | undefined;
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return 'is missing.';
			return `should be ${KIND[issue.expected] ?? issue.expected}, not ${describe(issue.input)}.${intended(issue.expected, issue.input, ctx)}`;
		case 'invalid_value': {
			const values = issue.values.map(String);
			if (issue.input === undefined) return values.length === 1 ? `is missing: write ${JSON.stringify(issue.values[0])}.` : `is missing: use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
			// Close by spelling, or a part of an allowed value ("journal" for "article-journal").
			const input = typeof issue.input === 'string' ? issue.input.trim().toLowerCase() : undefined;
			const guess = input === undefined ? undefined : (closest(input, values) ?? (input.length >= 4 ? values.find((v) => v.includes(input) || input.includes(v)) : undefined));
			return `${describe(issue.input)} is not allowed:${guess ? ` did you mean "${guess}"? Use` : ' use'} one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
		}
		case 'unrecognized_keys': {
			const allowed = inst?.shape ? Object.keys(inst.shape) : fields;
			const names = issue.keys.map((k) => `"${k}"`).join(', ');
			const guess = issue.keys.length === 1 ? closest(issue.keys[0]!, allowed) : undefined;
			const list = allowed.length ? `the fields allowed here are ${allowed.join(', ')}.` : '';
			return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names}: ${guess ? `did you mean "${guess}"?${list ? ` ${list.charAt(0).toUpperCase()}${list.slice(1)}` : ''}` : `check the spelling${list ? `; ${list}` : '.'}`}`;
		}
		case 'too_small': {
			const n = Number(issue.minimum);
			if (issue.origin === 'array' || issue.origin === 'set') return n <= 1 ? `is empty: give at least one entry${leaveOut}.` : `needs at least ${n} entries.`;
			if (issue.origin === 'string') return n <= 1 ? `is empty: write a value${leaveOut}.` : `is too short: write at least ${n} characters.`;
			return `should be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}, not ${describe(issue.input)}.`;
		}
		case 'too_big': {
			if (issue.origin === 'array' || issue.origin === 'set') return `has too many entries: at most ${String(issue.maximum)}.`;
			if (issue.origin === 'string') return `is too long: at most ${String(issue.maximum)} characters.`;
			return `should be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}, not ${describe(issue.input)}.`;
		}
		case 'invalid_format':
			return `${describe(issue.input)} is not in the expected form${issue.format === 'regex' ? '' : ` (${issue.format})`}.`;
		case 'invalid_union':
			return ctx.kind ? `should be ${ctx.kind}, not ${describe(issue.input)}.` : `${describe(issue.input)} does not match any of the forms this field accepts.`;
		case 'not_multiple_of':
			return `should be a multiple of ${String(issue.divisor)}.`;
		default:
			return undefined;
	}
}

/**
 * The schema of the field at `path` under `root`, and the description written on it or on any of its
 * wrappers (the outermost wins); undefined where the path leaves the schema.
 */
export function fieldAtPath(root: z.ZodType, path: readonly PropertyKey[]): { schema: z.ZodType; description?: string } | undefined {
	let here: z.ZodType = root;
	let description = unwrap(root).description;
	// A part with no description of its own (a list's entry, a date's year) is explained by the
	// nearest field above it that has one.
	for (const key of path) {
		const { inner } = unwrap(here);
		const def = defOf(inner);
		let next: z.ZodType | undefined;
		if (def.type === 'object') next = def.shape?.[String(key)];
		else if (def.type === 'array') next = def.element;
		else if (def.type === 'tuple') next = def.items?.[Number(key)] ?? def.rest ?? undefined;
		else if (def.type === 'record') next = def.valueType;
		else if (def.type === 'union') {
			// The first alternative that has this field.
			for (const option of def.options ?? []) {
				const found = fieldAtPath(option, [key]);
				if (found) {
					next = found.schema;
					break;
				}
			}
		}
		if (!next) return undefined;
		here = next;
		description = unwrap(next).description ?? description;
	}
	return { schema: here, ...(description ? { description } : {}) };
}

/** What the schema says about a field, for wording messages. */
function contextOf(schema: z.ZodType | undefined): Context {
	if (!schema) return { optional: false, fields: [], entryFields: [] };
	const { inner, optional } = unwrap(schema);
	const def = defOf(inner);
	// A group's fields; for a union of groups (a person or an organisation) every alternative's, once.
	const groupOf = (s: z.ZodType): [string, z.ZodType][] => {
		const d = defOf(unwrap(s).inner);
		if (d.type === 'union') return [...new Map((d.options ?? []).flatMap(groupOf)).entries()];
		return d.type === 'object' ? Object.entries(d.shape ?? {}) : [];
	};
	const fields = groupOf(inner)
		.map(([name, f]) => {
			const values = typeOf(f).values;
			return { name, required: !unwrap(f).optional, ...(values ? { values } : {}) };
		})
		.sort((a, b) => Number(b.required) - Number(a.required));
	const entryFields = def.type === 'array' ? groupOf(def.element!).map(([name]) => name) : [];
	return { kind: typeOf(schema).type, optional, fields, entryFields };
}

/**
 * An error map for parses of `root`: each message says what is wrong in words, the likely intended
 * value, and what the field is for (its description, wherever on its wrappers it was written).
 */
export function editorErrorMap(root: z.ZodType): z.core.$ZodErrorMap {
	return (issue: Issue) => {
		const path = (issue.path ?? []) as PropertyKey[];
		const field = fieldAtPath(root, path);
		const message = reword(issue, contextOf(field?.schema));
		if (message === undefined) return undefined;
		// An unknown field has no description of its own; the group's would only repeat the list.
		if (issue.code === 'unrecognized_keys') return message;
		const help = field?.description ?? (issue.inst as { description?: string } | undefined)?.description;
		return help && !message.includes(help) ? `${message} ${help}` : message;
	};
}
