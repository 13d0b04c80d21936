/**
 * `h` for the page builders: the same hast elements as hastscript's `h` (HTML), made faster for
 * what the builders write (a plain tag name, properties with primitive values). hastscript looks up
 * every property name in property-information on every call, and a `data-*` name builds a new
 * entry each time; at 1,000 guidelines the builders make about a million elements' properties.
 * Here each name is looked up once. Anything else (a selector with an id or classes, `template`,
 * comma-separated or style properties) is handed to hastscript itself. tests/unit/render-h.test.ts
 * compares both on every kind of property and child.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { h as hastscript } from 'hastscript';
import { find, html, normalize } from 'property-information';

type Info = ReturnType<typeof find>;
type Primitive = string | number | boolean | null | undefined;
type Child = ElementContent | { type: 'root'; children: ElementContent[] } | string | number | null | undefined | readonly Child[];

const infos = new Map<string, Info>();
function info(key: string): Info {
	let found = infos.get(key);
	if (found === undefined) infos.set(key, (found = find(html, key)));
	return found;
}

const PLAIN_TAG = /^[a-z][a-z0-9]*$/;

/** hastscript's test: whether the second argument is a child rather than properties. */
function isChild(value: unknown): boolean {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
	const record = value as Record<string, unknown>;
	if (typeof record.type !== 'string') return false;
	for (const key of Object.keys(record)) {
		const v = record[key];
		if (v && typeof v === 'object') {
			if (!Array.isArray(v)) return true;
			for (const item of v) if (typeof item !== 'number' && typeof item !== 'string') return true;
		}
	}
	return 'children' in record && Array.isArray(record.children);
}

function primitive(found: Info, value: Primitive): Primitive {
	if (typeof value === 'string') {
		if (found.number && value && !Number.isNaN(Number(value))) return Number(value);
		if ((found.boolean || found.overloadedBoolean) && (value === '' || normalize(value) === normalize(found.property))) return true;
	}
	return value;
}

const spaces = (value: string): string[] => {
	const trimmed = value.trim();
	return trimmed ? trimmed.split(/[ \t\n\r\f]+/g) : [];
};

/** Whether fast `h` gives hastscript's result for these properties (else hastscript makes the element). */
function simple(properties: Record<string, unknown>): boolean {
	for (const key in properties) {
		const value = properties[key];
		if (value !== null && typeof value === 'object' && !Array.isArray(value)) return false;
		const found = info(key);
		if (found.commaSeparated || found.commaOrSpaceSeparated || found.property === 'style') return false;
	}
	return true;
}

function addChild(nodes: ElementContent[], value: Child): void {
	if (value === null || value === undefined) return;
	if (typeof value === 'number' || typeof value === 'string') nodes.push({ type: 'text', value: String(value) });
	else if (Array.isArray(value)) for (const child of value) addChild(nodes, child);
	else if (typeof value === 'object' && 'type' in value) {
		if (value.type === 'root') addChild(nodes, value.children);
		else nodes.push(value as ElementContent);
	} else throw new Error(`Expected node, nodes, or string, got \`${String(value)}\``);
}

export function h(tag: string, properties?: Record<string, unknown> | Child, ...children: Child[]): Element {
	const props = properties !== undefined && !isChild(properties) ? (properties as Record<string, unknown>) : undefined;
	if (!PLAIN_TAG.test(tag) || tag === 'template' || (props && !simple(props))) {
		return (hastscript as (...args: unknown[]) => Element)(tag, properties, ...children);
	}
	const node: Element = { type: 'element', tagName: tag, properties: {}, children: [] };
	if (props) {
		const out: Properties = node.properties;
		for (const key in props) {
			const value = props[key];
			if (value === null || value === undefined) continue;
			const found = info(key);
			let result: Properties[string];
			if (typeof value === 'number') {
				if (Number.isNaN(value)) continue;
				result = value;
			} else if (typeof value === 'boolean') result = value;
			else if (typeof value === 'string') result = found.spaceSeparated ? spaces(value).map((v) => primitive(found, v) as string | number) : primitive(found, value);
			else result = (value as Primitive[]).map((v) => primitive(found, v) as string | number);
			out[found.property] = result;
		}
	} else if (properties !== undefined) children.unshift(properties as Child);
	for (const child of children) addChild(node.children, child);
	return node;
}
