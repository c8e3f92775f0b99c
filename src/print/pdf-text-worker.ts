// The thread of pdf-text-thread.ts: reads each PDF it is sent and answers with its text or why it could not.
import { parentPort } from 'node:worker_threads';
import { readPdfText } from './pdf-text.ts';

parentPort!.on('message', async ({ id, data }: { id: number; data: Uint8Array }) => {
  try {
    parentPort!.postMessage({ id, pages: await readPdfText(data) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
