import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { markdownProcessor } from './src/core/markdown/pipeline.ts';
import { modelFor } from './src/core/model.ts';
import { publicationRoot } from './src/core/paths.ts';

// `qikan build` passes the publication folder through the environment (src/lib/paths.ts) and the output folder
// through Astro's inline config. The site's address is a fact of publication.yaml.
const { siteUrl } = modelFor(publicationRoot()).publication;

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  // Stylesheets as files, never inline: the Content-Security-Policy allows the site's own files only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: { processor: markdownProcessor, syntaxHighlight: false },
  // Article images get a srcset of widths for the reader's screen; print takes its own from the source files.
  image: { layout: 'constrained', responsiveStyles: false },
  devToolbar: { enabled: false },
  // The print documents are for the PDF step, not for readers arriving from a search engine.
  integrations: siteUrl ? [sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/print/') })] : [],
});
