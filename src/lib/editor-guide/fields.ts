/**
 * Every field of a Zod schema as an editor needs it: dotted path, type in words, required or
 * optional (and the default), allowed values, and the schema's own `.describe()` text. The editor
 * guide (content/editor-guide.md) is generated from this, so the schemas are the one place each
 * field is documented.
 */
import { z } from 'zod';

export interface FieldDoc {
	/** Dotted path: `review.status`, `author[].family`, `grades.<statement-id>.strength`. */
	path: string;
	type: string;
	required: boolean;
	default?: string;
	values?: string[];
	description?: string;
}

export interface Def {
	type: string;
	innerType?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
	element?: z.ZodType;
	items?: z.ZodType[];
	rest?: z.ZodType | null;
	options?: z.ZodType[];
	shape?: Record<string, z.ZodType>;
	entries?: Record<string, string | number>;
	values?: unknown[];
	valueType?: z.ZodType;
	keyType?: z.ZodType;
	defaultValue?: unknown;
	getter?: () => z.ZodType;
}

export const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const descriptionOf = (s: z.ZodType) => z.globalRegistry.get(s)?.description ?? (s as { description?: string }).description;

/** Unwraps optional/default/pipe wrappers, collecting what they say. */
export function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; default?: unknown; description?: string } {
	let s = schema;
	let optional = false;
	let dflt: unknown;
	let description = descriptionOf(s);
	for (;;) {
		const def = defOf(s);
		if (def.type === 'optional' || def.type === 'nullable') optional = true;
		else if (def.type === 'default' || def.type === 'prefault') {
			optional = true;
			dflt = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
		} else if (def.type === 'pipe') {
			// A transform after a schema (z.coerce, .transform): the input side is what editors write.
			s = def.in!.constructor.name === 'ZodTransform' ? def.out! : def.in!;
			description ??= descriptionOf(s);
			continue;
		} else if (def.type === 'lazy') {
			s = def.getter!();
			description ??= descriptionOf(s);
			continue;
		} else break;
		s = def.innerType!;
		description ??= descriptionOf(s);
	}
	return { inner: s, optional, ...(dflt !== undefined ? { default: dflt } : {}), ...(description ? { description } : {}) };
}

/** The type in words, and its allowed values when it is a closed list. */
export function typeOf(schema: z.ZodType): { type: string; values?: string[] } {
	const { inner } = unwrap(schema);
	const def = defOf(inner);
	switch (def.type) {
		case 'string':
			return { type: 'text' };
		case 'number':
			return { type: 'number' };
		case 'int':
			return { type: 'whole number' };
		case 'boolean':
			return { type: 'true / false' };
		case 'date':
			return { type: 'date (YYYY-MM-DD)' };
		case 'enum':
			return { type: 'one of the values', values: Object.values(def.entries ?? {}).map(String) };
		case 'literal':
			return { type: 'fixed value', values: (def.values ?? []).map(String) };
		case 'array': {
			const el = typeOf(def.element!);
			return { type: `list of ${el.type === 'one of the values' ? 'values' : el.type}`, ...(el.values ? { values: el.values } : {}) };
		}
		case 'tuple':
			return { type: `list: [${(def.items ?? []).map((i) => typeOf(i).type).join(', ')}${def.rest ? `, ${typeOf(def.rest).type}…` : ''}]` };
		case 'object':
			return { type: 'group of fields' };
		case 'record':
			return { type: 'map of names to values' };
		case 'union': {
			const kinds = [...new Set((def.options ?? []).map((o) => typeOf(o).type))];
			return { type: kinds.join(' or ') };
		}
		default:
			return { type: def.type };
	}
}

/** Every field of an object schema, nested groups and lists of groups included, in schema order. */
export function schemaFields(schema: z.ZodType, prefix = ''): FieldDoc[] {
	const { inner } = unwrap(schema);
	const def = defOf(inner);
	if (def.type === 'union') {
		// A union of groups (e.g. a person or an organisation): every alternative's fields, once.
		const seen = new Set<string>();
		return (def.options ?? []).flatMap((o) => schemaFields(o, prefix)).filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
	}
	if (def.type !== 'object') return [];
	const out: FieldDoc[] = [];
	for (const [key, field] of Object.entries(def.shape ?? {})) {
		const path = prefix ? `${prefix}.${key}` : key;
		const u = unwrap(field);
		const t = typeOf(field);
		out.push({
			path,
			type: t.type,
			required: !u.optional,
			...(u.default !== undefined ? { default: JSON.stringify(u.default) } : {}),
			...(t.values ? { values: t.values } : {}),
			...(u.description ? { description: u.description } : {}),
		});
		const innerDef = defOf(u.inner);
		if (innerDef.type === 'object' || innerDef.type === 'union') out.push(...schemaFields(u.inner, path));
		else if (innerDef.type === 'array') out.push(...schemaFields(innerDef.element!, `${path}[]`));
		else if (innerDef.type === 'record') out.push(...schemaFields(innerDef.valueType!, `${path}.<${key === 'grades' ? 'statement-id' : 'name'}>`));
	}
	return out;
}
