/**
 * A value pdfkit writes as a PDF name (`/False`) rather than a string: PDFObject.convert writes
 * objects of an unknown kind with their own toString(), so that must include the slash.
 */
export function pdfName(name: string): object {
  return { [Symbol.toStringTag]: 'PDFName', toString: () => `/${name}` };
}
