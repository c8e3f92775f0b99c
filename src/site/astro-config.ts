import type { AstroUserConfig } from 'astro';
import { markdownProcessor } from '../core/markdown/pipeline.ts';
import type { Model } from '../core/model.ts';
import { qikan } from './integration.ts';

/** Astro's configuration for a publication: astro.config.mjs (`astro dev`) and `qikan build` both use this one. */
export function siteConfig(model: Model): AstroUserConfig {
  return {
    // The site's address is a fact of publication.yaml.
    site: model.publication.siteUrl,
    trailingSlash: 'always',
    // Stylesheets as files, never inline: the Content-Security-Policy allows the site's own files only.
    build: { format: 'directory', inlineStylesheets: 'never' },
    markdown: { processor: markdownProcessor, syntaxHighlight: false },
    // Article images get a srcset of widths for the reader's screen; print takes its own from the source files.
    image: { layout: 'constrained', responsiveStyles: false },
    devToolbar: { enabled: false },
    integrations: [qikan(model)],
  };
}
