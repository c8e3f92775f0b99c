import type { Browser, Page } from 'playwright-core';
import { PAGED, type PageFindings } from '../runtime/contract.ts';
import type { PrintRun } from './prepare.ts';

/** What the browser found on each page, with the page still open for the stages after. */
export interface Paginated extends PageFindings {
  page: Page;
}

const TIMEOUT_MS = 10 * 60_000;

/**
 * Opens a run's print document and waits until the print runtime (src/print/runtime/) has paginated it, reporting
 * the number of pages laid out so far. The page stays open for the stages after.
 */
export async function paginate(
  browser: Browser,
  run: Pick<PrintRun, 'url'>,
  onPages: (count: number) => void = () => {},
): Promise<Paginated> {
  const { url } = run;
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`could not load ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} for ${r.url()}`);
  });
  // The print document loads only from the built site: nothing an article says reaches the network.
  const origin = new URL(url).origin;
  await page.route(
    (u) => u.origin !== origin,
    (route) => {
      errors.push(`refused to load ${route.request().url()} (a PDF must not depend on the network)`);
      return route.abort('blockedbyclient');
    },
  );
  try {
    await page.goto(url, { waitUntil: 'load' });
    const started = Date.now();
    for (;;) {
      // Runs in the page: the class name goes as an argument.
      const state = await page.evaluate(
        (pageClass) => ({
          done: window.qikanPrint ?? null,
          pages: document.querySelectorAll(`.${pageClass}`).length,
        }),
        PAGED.page,
      );
      if (errors.length) throw new Error(`the print document ${url} had errors:\n  ${errors.join('\n  ')}`);
      onPages(state.pages);
      if (state.done) {
        if ('error' in state.done) throw new Error(`pagination failed in ${url}: ${state.done.error}`);
        return { page, ...state.done };
      }
      if (Date.now() - started > TIMEOUT_MS)
        throw new Error(`pagination of ${url} did not finish in ${TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await page.close();
    throw error;
  }
}
