import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import rehypeAsides from './rehype-asides.ts';
import rehypeColumnGroups from './rehype-column-groups.ts';
import rehypeFigure from './rehype-figure.ts';
import rehypeImageSource from './rehype-image-source.ts';
import rehypeLeadIn from './rehype-lead-in.ts';
import rehypeNumberedSubhead from './rehype-numbered-subhead.ts';
import rehypePicture from './rehype-picture.ts';
import rehypeQa from './rehype-qa.ts';
import rehypeSourceLine from './rehype-source-line.ts';
import rehypeTableCaption from './rehype-table-caption.ts';
import { rehypeUntrusted } from './sanitize.ts';

/**
 * The one Markdown pipeline of the project: Astro renders both the article pages and the print document with it
 * (astro.config.mjs), and tests render through the very same processor.
 * GFM is on; SmartyPants is off, since it would turn the quotes and dashes of Chinese text into Western ones.
 * Untrusted HTML is sanitized before the magazine's own plugins add their markup.
 */
export const markdownProcessor = unified({
  gfm: true,
  smartypants: false,
  remarkPlugins: [remarkCjkFriendly],
  rehypePlugins: [
    ...rehypeUntrusted,
    rehypeLeadIn,
    rehypeImageSource,
    rehypeFigure,
    rehypeSourceLine,
    rehypeTableCaption,
    rehypeNumberedSubhead,
    rehypeQa,
    rehypeAsides,
    rehypePicture,
    rehypeColumnGroups,
  ],
});
