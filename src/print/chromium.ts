import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is usually found; Debian's /usr/bin/chromium wrapper is resolved to its real binary below. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Debian's wrapper script sources /etc/chromium.d/, whose flags switch background networking back on; the binary
 * it wraps takes our flags as given.
 */
const WRAPPED = new Map([['/usr/bin/chromium', '/usr/lib/chromium/chromium']]);

export class ChromiumNotFound extends Error {
  constructor(tried: string[]) {
    super(
      `Chromium was not found (tried ${tried.join(', ')}).\n` +
        `  Install it with:  sudo apt-get install -y chromium\n` +
        `  or point QIKAN_CHROMIUM at a Chromium or Chrome binary. (Use --no-pdf to build only the website.)`,
    );
    this.name = 'ChromiumNotFound';
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.QIKAN_CHROMIUM;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new ChromiumNotFound([`QIKAN_CHROMIUM=${fromEnv}`]);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new ChromiumNotFound(CANDIDATES);
  const real = WRAPPED.get(found);
  return real && fs.existsSync(real) ? real : found;
}

export function chromiumArgs(isRoot = process.getuid?.() === 0): string[] {
  return [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--font-render-hinting=none',
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(),
    chromiumSandbox: false,
  });
}

let version: string | undefined;

/** The browser's version as it says it (`Chromium 156.0.8078.73`), without starting it for pages. */
export function chromiumVersion(): string {
  return (version ??= execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim());
}
