/**
 * `npm run serve -- [folder]`: serves a built site (default dist/, or EH_OUT_DIR) on http://localhost:4321 as a
 * static host would, 404 page included. For a pull request's preview artifact:
 *   gh run download <run-id> --name site --dir pr-site && npm run serve -- pr-site
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { outDir } from '../src/lib/paths.ts';
import { cli, usageError } from './lib/cli.ts';

const usage = 'npm run serve -- [folder]';
const { positionals } = cli(usage, { allowPositionals: true });
if (positionals.length > 1) usageError(`Give at most one folder (got ${positionals.length}).`, usage);
const folder = positionals[0] ? resolve(positionals[0]) : outDir();
const port = Number(process.env.PORT ?? 4321);
if (!existsSync(join(folder, 'index.html'))) {
	usageError(`${folder} holds no built site (no index.html). Build one with npm run build, or download a pull request's "site" artifact.`, usage);
}
const serve = sirv(folder, { dev: false, etag: true, extensions: ['html'] });
const notFound = existsSync(join(folder, '404.html')) ? readFileSync(join(folder, '404.html')) : Buffer.from('Not found');
createServer((req, res) =>
	serve(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(notFound);
	}),
).listen(port, '127.0.0.1', () => console.log(`Serving ${folder} on http://localhost:${port}/ (Ctrl+C to stop).`));
