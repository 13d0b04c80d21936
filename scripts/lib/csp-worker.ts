/**
 * A worker thread of the CSP step (scripts/csp.ts): runs both passes over its share of the pages
 * (src/lib/csp/pages.ts), the second only when told the policy.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanPages, writePolicy } from '../../src/lib/csp/pages.ts';

const { files, cwd, first } = workerData as { files: string[]; cwd: string; first: number };
const port = parentPort!;
port.postMessage(scanPages(files, cwd, first));
port.once('message', (policy: string | null) => {
	if (policy !== null) writePolicy(files, policy);
	port.postMessage('done');
	port.close();
});
