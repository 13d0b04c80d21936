/**
 * Serves a built site folder in-process with sirv on a free localhost port: the whole site for the
 * browser tests (serve-site.ts) and the fixture sites some browser tests build for themselves.
 */
import { createServer } from 'node:http';
import sirv from 'sirv';

export interface StaticServer {
	/** e.g. "http://127.0.0.1:43121" */
	base: string;
	close: () => Promise<void>;
}

/** Serves `dir`; a path with no file answers 404 with `notFound` (an HTML page) or "not found". */
export async function serveFolder(dir: string, notFound?: Buffer): Promise<StaticServer> {
	const serve = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const server = createServer((req, res) =>
		serve(req, res, () => {
			res.statusCode = 404;
			if (notFound) res.setHeader('content-type', 'text/html');
			res.end(notFound ?? 'not found');
		}),
	);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	return { base, close: () => new Promise<void>((r) => server.close(() => r())) };
}
