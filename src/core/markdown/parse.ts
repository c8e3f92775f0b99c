import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

/** The Markdown syntax tree of an article body, with positions: what the model's checks and counts read. */
export function parseMarkdown(body: string): Root {
  return parser.parse(body);
}
