import path from 'node:path';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { uneval } from 'devalue';
import type { Plugin, ViteDevServer } from 'vite';
import { formatFinding } from '../core/findings.ts';
import { readPublication, type Model } from '../core/model.ts';
import { PRINT_PREFIX } from '../core/routes.ts';

/** The module through which the site's pages and content collections read the model. */
export const MODEL_MODULE = 'virtual:qikan/model';
const RESOLVED = '\0' + MODEL_MODULE;

/**
 * qikan inside Astro: hands the model, read once before Astro starts, to the pages as a virtual module (as
 * Starlight hands over its config), and adds the sitemap when publication.yaml gives the site's address. In
 * `astro dev` the model is read again whenever a file of the publication changes.
 */
export function qikan(initial: Model): AstroIntegration {
  let model = initial;
  const plugin: Plugin = {
    name: 'qikan:model',
    resolveId: (id) => (id === MODEL_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${uneval(model)};` : undefined),
    configureServer(server) {
      server.watcher.add(model.root);
      const reload = (file: string) => {
        if (path.relative(model.root, file).startsWith('..') || !/\.(md|ya?ml)$/.test(file)) return;
        const read = readPublication(model.root);
        if (read.findings.length || !read.model) {
          for (const f of read.findings) server.config.logger.warn(`qikan: ${formatFinding(f)}`);
          return;
        }
        model = read.model;
        invalidate(server);
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, reload);
    },
  };
  return {
    name: 'qikan',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        const { siteUrl } = model.publication;
        updateConfig({
          vite: { plugins: [plugin] },
          // The print documents are for the PDF step, not for readers arriving from a search engine.
          integrations: siteUrl
            ? [sitemap({ filter: (page) => !new URL(page).pathname.startsWith(PRINT_PREFIX) })]
            : [],
        });
      },
    },
  };
}

/** Every page that read the old model reads the new one, and the browser reloads. */
function invalidate(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    const module = environment.moduleGraph.getModuleById(RESOLVED);
    if (module) environment.moduleGraph.invalidateModule(module);
  }
  server.ws.send({ type: 'full-reload' });
}
