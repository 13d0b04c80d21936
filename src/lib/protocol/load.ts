/** Reads and validates a protocol file (Node only: tests, build-time rendering). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ProtocolSchema, type Protocol } from '../../schemas/protocol.ts';

export function loadProtocol(file: string | URL): Protocol {
	return ProtocolSchema.parse(parse(readFileSync(file, 'utf8')));
}
