// The search page (src/pages/search.astro): Pagefind's UI, with queries cut into the index's own words.
import { cutQuery, queryWords, type QueryWords } from './query-words.ts';

declare const PagefindUI: new (options: Record<string, unknown>) => { triggerSearch(term: string): void };

/**
 * Pagefind cuts a Chinese query with Intl.Segmenter, whose dictionary is not the one the index was cut with
 * (pagefind/pagefind#1237): the segmenter it gets here cuts Han text into the index's words instead. Pagefind does
 * this in its worker, which would have the browser's own segmenter; without Worker it searches on this thread
 * (the index of a magazine is small).
 */
function useIndexWords(words: QueryWords): void {
  // Without Intl.Segmenter (older browsers) Pagefind cuts by character itself: nothing to replace.
  if (typeof Intl.Segmenter === 'undefined') return;
  const Native = Intl.Segmenter;
  class IndexSegmenter extends Native {
    readonly #chinese: boolean;
    constructor(locales?: string | string[], options?: Intl.SegmenterOptions) {
      super(locales, options);
      this.#chinese = options?.granularity === 'word' && /^zh\b/i.test(String([locales].flat()[0] ?? ''));
    }
    // Pagefind reads the `segment` of each piece; the browser cuts the text between Han runs as usual.
    override segment(input: string): Intl.Segments {
      if (!this.#chinese) return super.segment(input);
      let index = 0;
      const pieces: Intl.SegmentData[] = [];
      for (const { piece, han } of cutQuery(input, words)) {
        const parts = han ? [{ segment: piece, index: 0, input: piece, isWordLike: true }] : [...super.segment(piece)];
        for (const p of parts) pieces.push({ ...p, index: index + p.index, input });
        index += piece.length;
      }
      return pieces as unknown as Intl.Segments;
    }
  }
  (Intl as { Segmenter: unknown }).Segmenter = IndexSegmenter;
  (globalThis as { Worker?: unknown }).Worker = undefined;
}

async function start(): Promise<void> {
  const page = document.querySelector<HTMLElement>('#search')!;
  const words = await fetch(page.dataset.words!)
    .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
    .catch(() => []);
  useIndexWords(queryWords(words));
  const ui = new PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    translations: { placeholder: '搜索文章', zero_results: '没有找到与“[SEARCH_TERM]”相关的文章' },
  });
  // Pagefind's input has a placeholder but no label; screen readers need one.
  page.querySelector('input')?.setAttribute('aria-label', '搜索文章');
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
}

void start();
