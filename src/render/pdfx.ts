/// <reference types="pdfkit" />
/**
 * PDF/X-1a:2001 for the print profile. pdfkit knows no PDF/X, so we add what the standard asks
 * beyond what the renderer already guarantees (DeviceCMYK only, fonts embedded, PDF 1.3,
 * TrimBox/BleedBox on every page, no transparency): the version keys and Trapped in Info, and one
 * GTS_PDFX output intent that embeds the CMYK profile the photos were separated with.
 */
import type { OutputProfile } from './output-profile.js';
import { pdfName } from './pdf-name.js';

export const PDFX_INFO = {
  GTS_PDFXVersion: 'PDF/X-1:2001',
  GTS_PDFXConformance: 'PDF/X-1a:2001',
  // Nothing is trapped; the plant's RIP traps if it wants to.
  Trapped: pdfName('False'),
} as const;

interface RefInternals {
  end(data?: Buffer): void;
}
interface DocInternals {
  ref(data: Record<string, unknown>): RefInternals;
  _root: { data: Record<string, unknown> };
}

/** `deflatedIcc`: the profile already compressed (output-profile.ts), which pdfkit then passes through. */
export function addPdfxOutputIntent(doc: PDFKit.PDFDocument, profile: OutputProfile, deflatedIcc: Buffer): void {
  const internals = doc as unknown as DocInternals;
  // Keys in pdfkit's own order (it adds Length as data is written, then Filter).
  const stream = internals.ref({ N: 4, Length: 0, Filter: 'FlateDecode' });
  stream.end(deflatedIcc);
  const intent = internals.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    // "Custom": not a registered condition, so the profile itself is the definition.
    OutputConditionIdentifier: new String('Custom'),
    OutputCondition: new String(profile.condition),
    RegistryName: new String('http://www.color.org'),
    Info: new String(profile.condition),
    DestOutputProfile: stream,
  });
  intent.end();
  internals._root.data.OutputIntents = [intent];
}
