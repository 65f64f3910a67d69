/**
 * The three output profiles as data: what each promises its reader (plant, inbox, archive) in
 * page geometry, colour, navigation and PDF standard. The renderer only follows this table.
 * Photo pixels per profile live in src/images/prepare.ts.
 */
import type { RenderProfile } from './page-boxes.js';

export interface ProfileSpec {
  /** the standard the file claims, and is built to meet */
  readonly standard: 'PDF/X-1a:2001' | 'PDF/A-3b' | null;
  /** X-1a:2001 is PDF 1.3; A-3 is ISO 32000-1 (1.7); 1.4 is the first with /Lang */
  readonly pdfVersion: '1.3' | '1.4' | '1.7';
  /** cmyk: DeviceCMYK only (text 100 K, CMYK photos); rgb: DeviceRGB for screens */
  readonly colour: 'cmyk' | 'rgb';
  /** bleed and slug around the trim, TrimBox/BleedBox, crop marks and the page label */
  readonly printerMarks: boolean;
  /** outline with one entry per page and one per article, /Lang, title shown by viewers */
  readonly navigation: boolean;
  /** manifest and sources attached, so the issue can be rebuilt from its own PDF */
  readonly attachSources: boolean;
}

export const PROFILE_SPECS: Readonly<Record<RenderProfile, ProfileSpec>> = {
  print: { standard: 'PDF/X-1a:2001', pdfVersion: '1.3', colour: 'cmyk', printerMarks: true, navigation: false, attachSources: false },
  email: { standard: null, pdfVersion: '1.4', colour: 'rgb', printerMarks: false, navigation: true, attachSources: false },
  archive: { standard: 'PDF/A-3b', pdfVersion: '1.7', colour: 'rgb', printerMarks: false, navigation: true, attachSources: true },
};

/** Language of the text (BCP 47): Banmian sets Simplified Chinese newspapers. */
export const DOCUMENT_LANGUAGE = 'zh-Hans-CN';
