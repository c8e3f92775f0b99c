import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The elements of a static SVG drawing: shapes, text, paint servers, filters. No script, animation, links or HTML. */
const ELEMENTS = new Set(
  (
    'svg g defs desc title metadata symbol use switch path rect circle ellipse line polyline polygon text tspan ' +
    'textPath clipPath mask pattern marker linearGradient radialGradient stop filter image style feBlend ' +
    'feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap ' +
    'feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge ' +
    'feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence'
  )
    .split(' ')
    .map((e) => e.toLowerCase()),
);
/** Namespaces of drawing programs' own notes, which a browser leaves alone. */
const INERT_NAMESPACES = [
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://creativecommons.org/ns#',
  'http://purl.org/dc/elements/1.1/',
];
const SVG_NS = 'http://www.w3.org/2000/svg';
/** A reference inside the drawing, or a raster image embedded in it. */
const SAFE_HREF = /^(#|data:image\/(png|jpeg|gif|webp);)/;
/** CSS that loads or runs something. */
const UNSAFE_CSS = /@import|expression\s*\(|javascript:|url\s*\(\s*['"]?(?!#)/i;

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Why an SVG file cannot be published, or undefined when it is a plain drawing. Opened on its own from the site's
 * address, an SVG runs what it holds: it is read with an XML parser (entities decoded, as a browser would) and
 * every element and attribute must be on an allow-list. Declarations (DOCTYPE, ENTITY) are refused outright.
 */
export function svgProblem(text: string): string | undefined {
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) return 'DOCTYPE 或 ENTITY 声明';
  if (XMLValidator.validate(text) !== true) return '不是格式正确的 XML';
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: true,
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  });
  const walk = (nodes: XmlNode[], namespaces: Map<string, string>): string | undefined => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@')!;
      if (name === '#text' || name === '?xml' || name === '#comment') continue;
      const attributes = node[':@'] ?? {};
      const scope = new Map(namespaces);
      for (const [attr, value] of Object.entries(attributes)) {
        if (attr === 'xmlns') scope.set('', value);
        else if (attr.startsWith('xmlns:')) scope.set(attr.slice(6), value);
      }
      const [prefix, local] = name.includes(':') ? name.split(':', 2) : ['', name];
      const ns = scope.get(prefix!) ?? (prefix ? undefined : SVG_NS);
      if (ns !== SVG_NS) {
        if (!INERT_NAMESPACES.includes(ns ?? '')) return `<${name}>（${ns ?? '未声明的命名空间'}）`;
        continue;
      }
      if (!ELEMENTS.has(local!.toLowerCase())) return `<${name}>`;
      for (const [attr, raw] of Object.entries(attributes)) {
        const value = String(raw).replace(/[\s\u0000-\u001f]/g, '');
        const bare = attr.replace(/^.*:/, '').toLowerCase();
        if (bare.startsWith('on')) return `事件属性 ${attr}`;
        if (bare === 'href' && !SAFE_HREF.test(value)) return `链接 ${attr}="${String(raw).slice(0, 40)}"`;
        if (bare === 'style' && UNSAFE_CSS.test(value)) return `样式 ${attr}`;
      }
      const children = node[name] as XmlNode[];
      if (local!.toLowerCase() === 'style') {
        const css = children.map((c) => String(c['#text'] ?? '')).join('');
        if (UNSAFE_CSS.test(css)) return '<style> 里加载外部内容';
        continue;
      }
      const problem = walk(children, scope);
      if (problem) return problem;
    }
    return undefined;
  };
  return walk(parser.parse(text) as XmlNode[], new Map());
}
