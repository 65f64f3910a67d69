/**
 * A value pdfkit writes as a PDF name (`/False`) rather than a string: PDFObject.convert falls
 * back to `/${String(value)}` for objects whose toStringTag is not one it knows.
 */
export function pdfName(name: string): object {
  return { [Symbol.toStringTag]: 'N', toString: () => name };
}
