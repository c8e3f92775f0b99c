import { createHash } from 'node:crypto';
import type { Publication } from '../core/schema/publication.ts';

/** A CSP source for one inline script or style, by the SHA-256 of its exact text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The site's Content-Security-Policy (a <meta>, so that it holds on any static host): nothing but the site's own
 * files, and inline code only by hash. Pagefind's search compiles WebAssembly ('wasm-unsafe-eval', on the search
 * page only); even if an
 * article's HTML got past the sanitizer, no script, style, frame or form target outside this list would run.
 */
export function webPolicy(inline: { scripts?: string[]; styles?: string[]; wasm?: boolean } = {}): string {
  return policy({
    'default-src': ["'none'"],
    'script-src': ["'self'", ...(inline.wasm ? ["'wasm-unsafe-eval'"] : []), ...(inline.scripts ?? []).map(hashSource)],
    'style-src': ["'self'", ...(inline.styles ?? []).map(hashSource)],
    // Pagefind's stylesheet draws its search icon as a data: SVG.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'form-action': ["'self'"],
    // No page starts a worker (the search runs Pagefind on the page itself: src/site/search.ts).
    'worker-src': ["'none'"],
    'base-uri': ["'none'"],
  });
}

/**
 * The print document's policy: Paged.js rewrites the stylesheets into <style> elements of its own and sets
 * styles on the pages it makes, so styles need 'unsafe-inline'; scripts stay the print step's own.
 */
export function printPolicy(inlineScripts: string[]): string {
  return policy({
    'default-src': ["'none'"],
    'script-src': ["'self'", ...inlineScripts.map(hashSource)],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'base-uri': ["'none'"],
  });
}

/** Section colours for the web pages, as one stylesheet (allowed by hash) rather than style attributes. */
export function sectionColorCss(publication: Publication): string {
  return publication.sections.map((s) => `[data-section="${s.id}"]{--section-color:${s.color}}`).join('');
}
