/// <reference types="pdfkit" />
/**
 * Embedded files (PDF/A-3 associated files). pdfkit's `file()` writes the EmbeddedFile stream and
 * the Filespec and adds it to the catalog's /AF, but sorts its name tree with `localeCompare`,
 * whose order follows the machine's locale: we build the /EmbeddedFiles tree ourselves, sorted by
 * code unit, so the bytes do not depend on where the issue was built.
 */

export interface Attachment {
  /** path relative to the manifest's folder, `/`-separated: where `--from-pdf` writes it back */
  readonly name: string;
  readonly data: Buffer;
  /** MIME type, written as the EmbeddedFile's /Subtype (PDF/A-3 requires one) */
  readonly mime: string;
  readonly description: string;
  /** PDF/A-3 /AFRelationship: Source for what the issue is built from, Supplement for derived text */
  readonly relationship: 'Source' | 'Supplement';
}

interface FileOptions {
  name: string;
  type: string;
  description: string;
  relationship: string;
  hidden: boolean;
  creationDate: Date;
  modifiedDate: Date;
}
interface DocInternals {
  file(data: Uint8Array, options: FileOptions): unknown;
  _root: { data: { Names: { data: Record<string, unknown> } } };
}

export function attachFiles(doc: PDFKit.PDFDocument, files: readonly Attachment[], date: Date): void {
  const internals = doc as unknown as DocInternals;
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names: unknown[] = [];
  for (const [i, file] of sorted.entries()) {
    if (i > 0 && sorted[i - 1]?.name === file.name) throw new Error(`two attachments named ${file.name}`);
    // hidden: pdfkit must not add it to its own (locale-sorted) name tree
    const spec = internals.file(new Uint8Array(file.data), {
      name: file.name,
      type: file.mime,
      description: file.description,
      relationship: file.relationship,
      hidden: true,
      creationDate: date,
      modifiedDate: date,
    });
    names.push(new String(file.name), spec);
  }
  if (names.length > 0) internals._root.data.Names.data.EmbeddedFiles = { Names: names };
}
