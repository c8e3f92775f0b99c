import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

const name = (key: string) => PDFName.of(key);
const itemsOf = (obj: PDFObject | undefined) => (obj instanceof PDFArray ? obj.asArray() : obj ? [obj] : []);

/** The entries of a number tree (PDF 32000-1 §7.9.7), from its Nums and those of its Kids. */
function numberTree(doc: PDFDocument, tree: PDFDict | undefined, into = new Map<number, PDFObject>()) {
  if (!tree) return into;
  const nums = itemsOf(tree.lookup(name('Nums')));
  for (let i = 0; i + 1 < nums.length; i += 2) {
    const key = nums[i];
    if (key instanceof PDFNumber) into.set(key.asNumber(), nums[i + 1]!);
  }
  for (const kid of itemsOf(tree.lookup(name('Kids')))) numberTree(doc, doc.context.lookupMaybe(kid, PDFDict), into);
  return into;
}

/**
 * A tagged PDF as Chromium prints a Paged.js document: its Document element holds one element per page, whose
 * content is all on that page. Returns those elements' refs, page by page, or nothing when the tree has another
 * shape (then the merged PDF goes untagged rather than with a tree that points at pages it does not hold).
 */
export function pageSubtrees(doc: PDFDocument): { root: PDFDict; kids: PDFRef[] } | undefined {
  const root = doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  const top = root && doc.context.lookupMaybe(itemsOf(root.get(name('K')))[0], PDFDict);
  const kids = itemsOf(top?.get(name('K')));
  const pages = doc.getPages();
  if (!root || kids.length !== pages.length || !kids.every((k) => k instanceof PDFRef)) return undefined;
  const onlyOn = (page: PDFRef, obj: PDFObject | undefined, seen: Set<PDFObject>): boolean => {
    const value = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
    if (!(value instanceof PDFDict) || seen.has(value)) return true;
    seen.add(value);
    const pg = value.get(name('Pg'));
    if (pg && pg !== page) return false;
    return itemsOf(value.get(name('K'))).every((kid) => onlyOn(page, kid, seen));
  };
  return kids.every((kid, i) => onlyOn(pages[i]!.ref, kid, new Set())) ? { root, kids: kids as PDFRef[] } : undefined;
}

const NODE_ID = /^node\d+$/;
const textOf = (obj: PDFObject | undefined) =>
  obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : undefined;

/**
 * The structure tree of a PDF made of pages copied from several tagged PDFs: each copied page brings its own
 * element (see pageSubtrees), its entries in the parent tree under new keys, and its elements' IDs renamed so
 * that two sources printed by different browsers (whose counters both start at node00000001) cannot collide.
 */
export class StructTreeMerge {
  /** Each copied page's element, by the page's ref. */
  private readonly kids = new Map<PDFRef, PDFRef>();
  private readonly parents: PDFObject[] = [];
  /** Each new ID, in the order given (so the IDTree's names are sorted), with its element once it is seen. */
  private readonly ids = new Map<string, PDFRef | undefined>();
  private readonly documentRef: PDFRef;
  private language: PDFObject | undefined;
  private readonly merged: PDFDocument;

  constructor(merged: PDFDocument) {
    this.merged = merged;
    this.documentRef = merged.context.nextRef();
  }

  /** Copies the pages wanted of one source, with their elements when it is tagged; returns the copied refs. */
  copyPages(source: PDFDocument, wanted: number[]): { refs: PDFRef[]; tagged: boolean } {
    const copier = PDFObjectCopier.for(source.context, this.merged.context);
    const pages = source.getPages();
    const tree = pageSubtrees(source);
    const refs = wanted.map((index) => copier.copy(pages[index]!.ref) as PDFRef);
    if (!tree) return { refs, tagged: false };
    this.language ??= source.catalog.get(name('Lang'));
    const parentTree = numberTree(source, tree.root.lookupMaybe(name('ParentTree'), PDFDict));
    const renamed = new Map<string, PDFString>();
    wanted.forEach((index, i) => {
      const kid = tree.kids[index]!;
      // The element's parent is the source's Document, which would bring every other page along.
      source.context.lookup(kid, PDFDict).delete(name('P'));
      const copied = copier.copy(kid) as PDFRef;
      this.merged.context.lookup(copied, PDFDict).set(name('P'), this.documentRef);
      this.kids.set(refs[i]!, copied);
      const page = this.merged.context.lookup(refs[i]!, PDFDict);
      this.rekey(page, 'StructParents', parentTree, copier);
      for (const annot of itemsOf(page.lookup(name('Annots'))))
        this.rekey(this.merged.context.lookupMaybe(annot, PDFDict), 'StructParent', parentTree, copier);
      this.renameIds(copied, renamed);
    });
    return { refs, tagged: true };
  }

  /** The merged PDF's StructTreeRoot, its Document element over the pages' in their order, and MarkInfo. */
  write(): void {
    const { context, catalog } = this.merged;
    const rootRef = context.nextRef();
    const kids = this.merged.getPages().flatMap((page) => this.kids.get(page.ref) ?? []);
    context.assign(this.documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: kids }));
    const root = context.obj({
      Type: 'StructTreeRoot',
      K: this.documentRef,
      ParentTree: context.obj({ Nums: this.parents }),
      ParentTreeNextKey: this.parents.length / 2,
    });
    const names = [...this.ids].flatMap(([id, ref]) => (ref ? [PDFString.of(id), ref] : []));
    if (names.length) root.set(name('IDTree'), context.obj({ Names: names }));
    context.assign(rootRef, root);
    catalog.set(name('StructTreeRoot'), rootRef);
    catalog.set(name('MarkInfo'), context.obj({ Marked: true }));
    if (this.language) catalog.set(name('Lang'), this.language);
  }

  private rekey(dict: PDFDict | undefined, key: string, parentTree: Map<number, PDFObject>, copier: PDFObjectCopier) {
    const old = dict?.get(name(key));
    if (!dict || !(old instanceof PDFNumber)) return;
    const value = parentTree.get(old.asNumber());
    if (value === undefined) return void dict.delete(name(key));
    const next = this.parents.length / 2;
    this.parents.push(PDFNumber.of(next), copier.copy(value));
    dict.set(name(key), PDFNumber.of(next));
  }

  /** Gives each element's /ID (and the table cells' /Headers that name them) a name unique in the merged PDF. */
  private renameIds(ref: PDFRef, renamed: Map<string, PDFString>) {
    const { context } = this.merged;
    const fresh = (old: string) => {
      let next = renamed.get(old);
      if (!next) {
        next = PDFString.of(`node${String(this.ids.size + 1).padStart(8, '0')}`);
        renamed.set(old, next);
        this.ids.set(next.decodeText(), undefined);
      }
      return next;
    };
    const visit = (obj: PDFObject | undefined, at?: PDFRef): void => {
      const value = obj instanceof PDFRef ? context.lookup(obj) : obj;
      if (!(value instanceof PDFDict) || value.get(name('Type')) === name('OBJR')) return;
      const id = textOf(value.get(name('ID')));
      if (id && NODE_ID.test(id) && at) {
        const next = fresh(id);
        value.set(name('ID'), next);
        this.ids.set(next.decodeText(), at);
      }
      for (const attributes of itemsOf(value.get(name('A')))) {
        const dict = context.lookupMaybe(attributes, PDFDict);
        const headers = dict?.lookupMaybe(name('Headers'), PDFArray);
        headers?.asArray().forEach((h, i) => {
          const old = textOf(h);
          if (old && NODE_ID.test(old)) headers.set(i, fresh(old));
        });
      }
      for (const kid of itemsOf(value.get(name('K')))) visit(kid, kid instanceof PDFRef ? kid : undefined);
    };
    visit(ref, ref);
  }
}
