import path from 'node:path';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { uneval } from 'devalue';
import type { Plugin, ViteDevServer } from 'vite';
import { formatFinding, stopsBuild, type Finding } from '../core/findings.ts';
import { readPublication, type Model } from '../core/model.ts';
import { issuesDir } from '../core/names.ts';
import { PRINT_PREFIX } from '../core/routes.ts';

/** The module through which the site's pages and content collections read the model. */
const MODEL_MODULE = 'virtual:qikan/model';
const RESOLVED = '\0' + MODEL_MODULE;
/** The content loader of the images issue.yaml names (src/content.config.ts), refreshed with a new model. */
export const ISSUE_IMAGES_LOADER = 'qikan-issue-images';

/**
 * qikan inside Astro: hands the model, read once before Astro starts, to the pages as a virtual module (as
 * Starlight hands over its config), and adds the sitemap when publication.yaml gives the site's address. In
 * `astro dev` the model is read again whenever a file of the publication changes, and the pages show the
 * findings of their files (`findings`: the preview's; a build has none to show, it refuses errors).
 */
export function qikan(initial: Model, initialFindings: Finding[] = []): AstroIntegration {
  let model = initial;
  let findings = initialFindings;
  // `astro dev`: the pages show findings and leave out the built site's CSP (NODE_ENV says nothing reliable here:
  // under a test runner it is `test` in a build too).
  let preview = false;
  const plugin: Plugin = {
    name: 'qikan:model',
    resolveId: (id) => (id === MODEL_MODULE ? RESOLVED : undefined),
    load: (id) =>
      id === RESOLVED
        ? `export default ${uneval(model)};\nexport const findings = ${uneval(findings)};\nexport const preview = ${preview};`
        : undefined,
  };
  return {
    name: 'qikan',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        preview = command === 'dev';
        const { siteUrl } = model.publication;
        // The print documents are for the PDF step, not for readers arriving from a search engine, and drafts
        // are not published yet.
        const unlisted = [PRINT_PREFIX, ...model.issues.filter((i) => i.meta.draft).map((i) => i.url)];
        const listed = (page: string) => !unlisted.some((p) => new URL(page).pathname.startsWith(p));
        updateConfig({
          vite: { plugins: [plugin] },
          integrations: siteUrl ? [sitemap({ filter: listed })] : [],
        });
      },
      'astro:server:setup': ({ server, refreshContent }) => {
        const { root } = model;
        const ours = (file: string) => {
          const rel = path.relative(root, file);
          return rel === 'publication.yaml' || !path.relative(issuesDir(root), file).startsWith('..');
        };
        let timer: NodeJS.Timeout | undefined;
        let generation = 0;
        let checked: Finding[] = [];
        // What `qikan check` adds (text rules, links, images) takes a second or two more: the pages show the
        // model's findings at once and the check's as they come, reloading again only if they changed.
        const check = async (read: ReturnType<typeof readPublication>) => {
          const mine = ++generation;
          const { checkRead } = await import('../check/index.ts');
          const all = await checkRead(root, read).catch((e: unknown) => {
            server.config.logger.error(`qikan: the check of the preview failed: ${String(e)}`);
            return read.findings;
          });
          if (mine !== generation) return;
          const changed = JSON.stringify(all) !== JSON.stringify(checked);
          findings = checked = all;
          if (changed) invalidate(server);
        };
        const reload = () => {
          const read = readPublication(root);
          for (const f of read.findings) server.config.logger.warn(`qikan: ${formatFinding(f)}`);
          if (!read.model) return;
          model = read.model;
          // Until the check is done, the check's findings of files that the model still finds fine.
          findings = [...read.findings, ...checked.filter((f) => !read.findings.some((g) => g.file === f.file))];
          invalidate(server);
          void refreshContent?.({ loaders: [ISSUE_IMAGES_LOADER], context: { model } });
          void check(read);
        };
        // A checkout or a save-all changes many files at once: read the publication once they are written.
        const changed = (file: string) => {
          if (!ours(file)) return;
          clearTimeout(timer);
          timer = setTimeout(reload, 150);
        };
        void check(readPublication(root));
        server.watcher.add([path.join(root, 'publication.yaml'), issuesDir(root)]);
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
      },
    },
  };
}

/**
 * The model to preview while editing: a publication with mistakes in some articles still opens, without those
 * articles, and the mistakes are listed, in the terminal and on the pages of their files (the build refuses
 * them). Only one that cannot be read at all is refused.
 */
export function previewModel(root: string, warn: (line: string) => void): { model: Model; findings: Finding[] } {
  const read = readPublication(root);
  for (const f of read.findings) warn(`qikan: ${formatFinding(f)}`);
  if (!read.model) throw new Error(`${root}: the publication cannot be read (see above)`);
  if (read.findings.some(stopsBuild)) warn('qikan: the preview leaves out what has errors; a build would stop on them');
  return { model: read.model, findings: read.findings };
}

/** Every page that read the old model reads the new one, and the browser reloads. */
function invalidate(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    const module = environment.moduleGraph.getModuleById(RESOLVED);
    if (module) environment.moduleGraph.invalidateModule(module);
  }
  server.ws.send({ type: 'full-reload' });
}
