import type { Element, ElementContent, Root } from 'hast';

/** A 电头 the story's text begins with itself (本报讯（记者 张三）…, as imported pages have it). */
const WRITTEN_LEAD = /^(本[报刊台]讯)(?=[\s（(：:])/;

const leadIn = (value: string): ElementContent => ({
  type: 'element',
  tagName: 'strong',
  properties: { className: ['lead-in'] },
  children: [{ type: 'text', value }],
});

/**
 * A newspaper story's 电头 (`lead: 本报讯` in its front matter) set bold at the start of its first paragraph, as papers
 * print it, on the site and in print alike: 【本报讯】 11月4日，…… Without `lead`, a 电头 the first paragraph begins
 * with is set bold where it stands.
 */
export default function rehypeLeadIn() {
  return (tree: Root, file: { data: unknown }) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: { lead?: unknown } } }).astro?.frontmatter;
    const lead = typeof frontmatter?.lead === 'string' ? frontmatter.lead.trim() : '';
    const first = tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'p');
    if (!first) return;
    if (lead) {
      first.children.unshift(leadIn(lead), { type: 'text', value: '　' });
      return;
    }
    const text = first.children[0];
    const written = text?.type === 'text' ? WRITTEN_LEAD.exec(text.value) : null;
    if (!text || text.type !== 'text' || !written) return;
    first.children.splice(0, 1, leadIn(written[1]!), { ...text, value: text.value.slice(written[1]!.length) });
  };
}
