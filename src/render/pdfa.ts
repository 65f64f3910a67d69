/// <reference types="pdfkit" />
/**
 * What PDF/A-3b needs beyond pdfkit's `subset: 'PDF/A-3b'` (which writes the pdfaid XMP and an
 * sRGB output intent): XMP must repeat every Info entry, and pdfkit's XMP has no ModifyDate.
 */
export function addPdfaModifyDate(doc: PDFKit.PDFDocument, date: Date): void {
  const xmp = doc as unknown as { appendXML(xml: string): void };
  xmp.appendXML(
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${date.toISOString().replace(/\.\d+Z$/, 'Z')}</xmp:ModifyDate></rdf:Description>`,
  );
}
