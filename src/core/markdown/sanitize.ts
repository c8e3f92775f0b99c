import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * Contributors' Markdown is untrusted. Raw HTML is parsed first (rehype-raw), then everything outside GitHub's
 * allow-list is dropped: scripts, event handlers, javascript: URLs, iframes, styles, forms. The magazine's own
 * markup (figures, captions, classes) is added by the plugins that run after this.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  // No form controls: GitHub keeps <input> for task lists, which articles do not have.
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'), 'figure', 'figcaption', 'caption'],
};

export const rehypeUntrusted: RehypePlugins = [rehypeRaw, [rehypeSanitize, sanitizeSchema]];
