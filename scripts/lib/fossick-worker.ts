/**
 * A worker thread of the search-data step (scripts/lib/search-index.ts): reads its share of the
 * built pages as Pagefind would (src/lib/search/fossick.ts) and posts them back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fossickFiles } from './search-index.ts';

const { site, files } = workerData as { site: string; files: string[] };
parentPort!.postMessage(fossickFiles(site, files));
