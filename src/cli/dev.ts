import path from 'node:path';
import { siteConfig } from '../site/astro-config.ts';
import { previewModel } from '../site/integration.ts';
import { projectDir } from './project-dir.ts';

/**
 * `qikan dev --root DIR`: Astro's dev server on a publication folder, reading the model again whenever one of its
 * files changes. Runs until stopped (Ctrl-C).
 */
export async function runDev(options: { root: string; port?: string }): Promise<never> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const preview = previewModel(path.resolve(options.root), (line) => process.stderr.write(line + '\n'));
  const { dev } = await import('astro');
  await dev({
    ...siteConfig(preview),
    root: projectDir,
    configFile: false,
    server: options.port ? { port: Number(options.port) } : undefined,
  });
  return new Promise<never>(() => {});
}
