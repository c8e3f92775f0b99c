import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** Helpers shared by the rehype plugins: they all look at a block's sibling paragraphs. */
export function isElement(node: RootContent | ElementContent | undefined, tag?: string): node is Element {
  return !!node && node.type === 'element' && (!tag || node.tagName === tag);
}

/** The element siblings of a parent, without the whitespace text between them. */
export function blockChildren(parent: Root | Element): Element[] {
  return (parent.children as (RootContent | ElementContent)[]).filter((c): c is Element => c.type === 'element');
}

/** Calls `fn` on every element below `node`, in document order. */
export function eachElement(node: Root | Element, fn: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    fn(child);
    eachElement(child, fn);
  }
}

export function textOf(node: Element): string {
  return toString(node).trim();
}

const classesOf = (node: Element) => {
  const current = node.properties.className;
  return Array.isArray(current) ? current.map(String) : current ? String(current).split(/\s+/) : [];
};

export function hasClass(node: Element, name: string): boolean {
  return classesOf(node).includes(name);
}

export function addClass(node: Element, name: string): void {
  const list = classesOf(node);
  if (!list.includes(name)) node.properties.className = [...list, name];
}

/** Replaces the children of `parent` from `first` through the last of `rest` (whitespace between included) with `node`. */
export function replaceChildren(parent: Root | Element, first: Element, rest: Element[], node: Element): void {
  const start = parent.children.indexOf(first);
  const end = parent.children.indexOf(rest[rest.length - 1] ?? first);
  parent.children.splice(start, end - start + 1, node);
}

/** Removes a leading prefix from the first text node of an element (keeps the rest of its markup). */
export function stripLeadingText(node: Element, prefix: RegExp): void {
  const first = node.children[0];
  if (first?.type === 'text') first.value = first.value.replace(prefix, '');
  else if (isElement(first)) stripLeadingText(first, prefix);
}
