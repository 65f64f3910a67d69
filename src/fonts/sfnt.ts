/**
 * The table directory of a TrueType/OpenType font file (OpenType spec, “Organization of an
 * OpenType font”): where each table lies. Read once per font for the cmap, advance and subset
 * readers.
 */

export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** TrueType/OpenType versions of a single font's sfnt header (a collection or WOFF has none of these). */
const SFNT_VERSIONS = new Set([0x00010000, 0x74727565 /* 'true' */, 0x4f54544f /* 'OTTO' */]);

/** Bytes of the sfnt header (version, table count, search fields) before the table records. */
export const SFNT_HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;

/** Bytes of the header and directory of a font with `tables` tables (the count is at offset 4). */
export function directoryBytes(tables: number): number {
  return SFNT_HEADER_BYTES + tables * TABLE_RECORD_BYTES;
}

/** Table tag → where it lies; undefined unless `view` is a single sfnt font whose every table lies inside it. */
function tableDirectory(view: DataView): Map<string, TableRecord> | undefined {
  if (view.byteLength < SFNT_HEADER_BYTES || !SFNT_VERSIONS.has(view.getUint32(0))) return undefined;
  const count = view.getUint16(4);
  if (view.byteLength < directoryBytes(count)) return undefined;
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i += 1) {
    const record = directoryBytes(i);
    const tag = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > view.byteLength) return undefined;
    tables.set(tag, { offset, length });
  }
  return tables;
}

/** A single-font sfnt file with its table directory. */
export interface SfntFile {
  readonly data: Uint8Array;
  readonly view: DataView;
  readonly tables: ReadonlyMap<string, TableRecord>;
}

/** The font in `data` with its tables located, or undefined for a collection, WOFF or a damaged file. */
export function readSfnt(data: Uint8Array): SfntFile | undefined {
  // A DataView over the whole of `data` (a Buffer may sit inside a larger pool).
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = tableDirectory(view);
  return tables && { data, view, tables };
}
