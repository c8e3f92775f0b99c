/** A URL's scheme (`https`, `data`, `javascript`), lower-cased; undefined for a path of the publication. */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
}

/** Not a file of the publication: a URL with a scheme, or one that starts with `//` (another host). */
export function isRemote(url: string): boolean {
  return urlScheme(url) !== undefined || url.startsWith('//');
}
