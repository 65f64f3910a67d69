/** Units and the one rounding policy. All layout numbers are PostScript points (1/72 in). */

export const PT_PER_INCH = 72;
export const PT_PER_MM = PT_PER_INCH / 25.4;

export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

/** Round to 1/1000 pt: below any device resolution, and stable across platforms. */
export function roundPt(pt: number): number {
  return Math.round(pt * 1000) / 1000;
}
