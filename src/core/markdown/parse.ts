import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// The same syntax as the rendering pipeline (pipeline.ts): GFM, and emphasis next to CJK punctuation.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

/** The Markdown syntax tree of an article body, with positions: what the model's checks and counts read. */
export function parseMarkdown(body: string): Root {
  return parser.parse(body);
}
