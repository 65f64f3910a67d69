/**
 * Reads the embedded files of a PDF (the /EmbeddedFiles name tree of the catalog) with pdf-lib:
 * what `--from-pdf` rebuilds from, and what the tests check attachments with.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString } from 'pdf-lib';

export interface EmbeddedFile {
  readonly name: string;
  readonly description: string;
  /** the /AFRelationship name without the slash, '' when absent */
  readonly relationship: string;
  readonly data: Buffer;
}

export async function readEmbeddedFiles(pdf: Uint8Array): Promise<EmbeddedFile[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  return tree ? leaves(tree).map(fileOf) : [];
}

/** Filespec dictionaries of a name tree, in tree order (Names pairs, then Kids). */
function leaves(node: PDFDict): PDFDict[] {
  const found: PDFDict[] = [];
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 1; pairs && i < pairs.size(); i += 2) found.push(pairs.lookup(i, PDFDict));
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) found.push(...leaves(kids.lookup(i, PDFDict)));
  return found;
}

function fileOf(spec: PDFDict): EmbeddedFile {
  const name = text(spec, 'UF') || text(spec, 'F');
  const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);
  if (!(stream instanceof PDFRawStream)) throw new Error(`embedded file ${name} is not a stored stream`);
  const relationship = spec.lookupMaybe(PDFName.of('AFRelationship'), PDFName)?.decodeText() ?? '';
  return { name, description: text(spec, 'Desc'), relationship, data: Buffer.from(decodePDFRawStream(stream).decode()) };
}

function text(dict: PDFDict, key: string): string {
  return dict.lookupMaybe(PDFName.of(key), PDFString, PDFHexString)?.decodeText() ?? '';
}
