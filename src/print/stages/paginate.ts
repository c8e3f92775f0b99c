import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PAGED, type PageFindings, type RunWorker } from '../runtime/contract.ts';
import type { PrintRun } from './prepare.ts';

/** What the browser found on each page, with the page still open for the stages after. */
export interface Paginated extends PageFindings {
  page: Page;
}

const TIMEOUT_MS = 10 * 60_000;

/** A page of the print step: it loads only from the built site, and keeps every error it meets for `check`. */
export interface PrintPage {
  page: Page;
  /** Throws what went wrong in the page so far, if anything did. */
  check(): void;
}

/** Opens a print document: nothing an article says reaches the network, and every error is kept. */
export async function openPrintPage(browser: Browser | BrowserContext, url: string): Promise<PrintPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`could not load ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} for ${r.url()}`);
  });
  const origin = new URL(url).origin;
  await page.route(
    (u) => u.origin !== origin,
    (route) => {
      errors.push(`refused to load ${route.request().url()} (a PDF must not depend on the network)`);
      return route.abort('blockedbyclient');
    },
  );
  const check = () => {
    if (errors.length) throw new Error(`the print document ${url} had errors:\n  ${errors.join('\n  ')}`);
  };
  try {
    await page.goto(url, { waitUntil: 'load' });
  } catch (error) {
    await page.close();
    throw error;
  }
  return { page, check };
}

/** Polls the page until `read` gives a value, reporting progress; throws the page's errors and on timeout. */
async function waitFor<T>(print: PrintPage, what: string, read: () => Promise<T | null>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    print.check();
    if (value !== null) return value;
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`${what} did not finish in ${TIMEOUT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The whole document paginated in one page: opens the run's print document and waits until the print runtime
 * (src/print/runtime/) has paginated it, reporting the number of pages laid out so far. The page stays open
 * for the stages after.
 */
export async function paginate(
  browser: Browser | BrowserContext,
  run: Pick<PrintRun, 'url'>,
  onPages: (count: number) => void = () => {},
): Promise<Paginated> {
  const print = await openPrintPage(browser, run.url);
  try {
    const done = await waitFor(print, `pagination of ${run.url}`, async () => {
      // Runs in the page: the class name goes as an argument.
      const state = await print.page.evaluate(
        (pageClass) => ({ done: window.qikanPrint ?? null, pages: document.querySelectorAll(`.${pageClass}`).length }),
        PAGED.page,
      );
      onPages(state.pages);
      return state.done;
    });
    if ('error' in done) throw new Error(`pagination failed in ${run.url}: ${done.error}`);
    return { page: print.page, ...done };
  } catch (error) {
    await print.page.close();
    throw error;
  }
}

/** The URL with a flag of the print runtime added to its query (`?runs`, `&loose`). */
export function withFlag(url: string, flag: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${flag}`;
}

/** A page that paginates the runs of a print document one by one (`?runs`), once it has loaded and split it. */
export async function openRunWorker(context: BrowserContext, url: string, runs: number): Promise<PrintPage> {
  const print = await openPrintPage(context, withFlag(url, 'runs'));
  try {
    const state = await waitFor(print, `loading ${url}`, () =>
      print.page.evaluate(() => {
        const w = window.qikanRuns;
        return !w ? null : 'error' in w ? w : { count: w.count };
      }),
    );
    if ('error' in state) throw new Error(`the print document ${url} could not be split into runs: ${state.error}`);
    if (state.count !== runs)
      throw new Error(`the print document ${url} has ${state.count} runs in the browser, ${runs} in its HTML`);
    return print;
  } catch (error) {
    await print.page.close();
    throw error;
  }
}

/** Calls the run worker of a page opened with `openRunWorker`. */
export async function callRunWorker<K extends 'preload' | 'paginate' | 'show' | 'drop'>(
  print: PrintPage,
  method: K,
  ...args: Parameters<RunWorker[K]>
): Promise<Awaited<ReturnType<RunWorker[K]>>> {
  const call = ([m, a]: [string, unknown[]]) =>
    (window.qikanRuns as unknown as Record<string, (...x: unknown[]) => unknown>)[m]!(...a);
  const result = await print.page.evaluate(call, [method, args] as [string, unknown[]]);
  print.check();
  return result as Awaited<ReturnType<RunWorker[K]>>;
}
