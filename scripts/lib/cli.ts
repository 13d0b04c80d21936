/**
 * The one way scripts read their arguments and end: `node:util` parseArgs (strict: an unknown or
 * malformed option is a usage error), `--help`, and three exit codes every script shares.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** 0: done, nothing wrong. 1: the run found problems (or a step failed). 2: bad usage or setup. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Stops with a message on stderr and exit code 1 (the run found problems). */
export function fail(message: string): never {
	console.error(`✘ ${message}`);
	process.exit(EXIT.failed);
}

/** Stops with a message and the usage line on stderr and exit code 2 (bad usage or setup). */
export function usageError(message: string, usage?: string): never {
	console.error(`✘ ${message}${usage ? `\nUsage: ${usage}` : ''}`);
	process.exit(EXIT.usage);
}

/**
 * Parses process.argv for a script. `usage` is printed for --help (exit 0) and under any usage
 * error (exit 2).
 */
export function cli<const T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
	if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
		console.log(`Usage: ${usage}`);
		process.exit(EXIT.ok);
	}
	try {
		// parseArgs is strict by default: unknown options and missing values throw.
		return parseArgs(config);
	} catch (error) {
		usageError((error as Error).message, usage);
	}
}

/** A whole number ≥ min from an option's text, or a usage error naming the option. */
export function integerOption(name: string, text: string | undefined, min: number, usage: string): number {
	const n = Number(text);
	if (text === undefined || !Number.isInteger(n) || n < min) usageError(`--${name} must be a whole number of at least ${min} (got "${text ?? ''}").`, usage);
	return n;
}
