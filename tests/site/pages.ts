/** Every HTML page in the build output, discovered from the files (new page types are covered automatically). */
import { readdirSync } from 'node:fs';
import { distDir } from './dist.ts';

export function allBuiltPages(): string[] {
	return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html'))
		.map((file) => file.split('\\').join('/'))
		.sort();
}
