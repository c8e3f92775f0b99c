import type { Element, Root } from 'hast';

/**
 * A newspaper story's 电头 (`lead: 本报讯` in its front matter) set bold at the start of its first paragraph, as papers
 * print it, on the site and in print alike: 【本报讯】 11月4日，……
 */
export default function rehypeLeadIn() {
  return (tree: Root, file: { data: unknown }) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: { lead?: unknown } } }).astro?.frontmatter;
    const lead = typeof frontmatter?.lead === 'string' ? frontmatter.lead.trim() : '';
    if (!lead) return;
    const first = tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'p');
    if (!first) return;
    first.children.unshift(
      {
        type: 'element',
        tagName: 'strong',
        properties: { className: ['lead-in'] },
        children: [{ type: 'text', value: lead }],
      },
      { type: 'text', value: '　' },
    );
  };
}
