import type { AstroUserConfig } from 'astro';
import { markdownProcessor } from '../core/markdown/pipeline.ts';
import type { Finding } from '../core/findings.ts';
import type { Model } from '../core/model.ts';
import { qikan } from './integration.ts';

/**
 * Astro's configuration for a publication: astro.config.mjs (`astro dev`), `qikan dev` and `qikan build` all use
 * this one; the previews pass their findings, to show on the pages.
 */
export function siteConfig({ model, findings }: { model: Model; findings?: Finding[] }): AstroUserConfig {
  return {
    // The site's address is a fact of publication.yaml.
    site: model.publication.siteUrl,
    trailingSlash: 'always',
    // Stylesheets as files, never inline: the Content-Security-Policy allows the site's own files only.
    build: { format: 'directory', inlineStylesheets: 'never' },
    // Scripts as files too: Astro would inline a small one, which the policy's hashes cannot know beforehand.
    vite: { build: { assetsInlineLimit: 0 } },
    markdown: { processor: markdownProcessor, syntaxHighlight: false },
    // Article images get a srcset of widths for the reader's screen; print takes its own from the source files.
    image: { layout: 'constrained', responsiveStyles: false },
    devToolbar: { enabled: false },
    integrations: [qikan(model, findings)],
  };
}
