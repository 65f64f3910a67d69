/** A page template after loading: sizes in mm and pt as named, styles resolved to font keys. */
import type { Align } from '../text/justify.js';
import type { KinsokuLevel } from '../text/zh-hans.js';

export interface TextStyle {
  /** family name in the font registry (`fonts/families.yaml`), e.g. `Noto Serif SC` */
  readonly family: string;
  readonly weight: number;
  readonly sizePt: number;
  /** baseline-to-baseline distance of this style's own lines */
  readonly leadingPt: number;
  readonly align: Align;
  /** gray level of the text, 0 = black, 100 = white (print: K = 100 - this) */
  readonly tint: number;
}

export interface StyleSet {
  readonly kicker: TextStyle;
  readonly headline: TextStyle;
  readonly subhead: TextStyle;
  readonly byline: TextStyle;
  readonly body: TextStyle;
  /** in-body subhead (`## ` lines) */
  readonly bodySubhead: TextStyle;
  readonly caption: TextStyle;
  readonly credit: TextStyle;
  readonly runningHead: TextStyle;
  readonly folio: TextStyle;
  readonly jumpLine: TextStyle;
  readonly pageEditor: TextStyle;
}

export interface Margins {
  readonly topMm: number;
  readonly bottomMm: number;
  readonly insideMm: number;
  readonly outsideMm: number;
}

/** Chinese composition settings of the template (cjk-typography.md §2–§7). */
export interface CompositionSettings {
  /** 禁则 level */
  readonly kinsoku: KinsokuLevel;
  /** space between 汉字 and Latin/digits, in em (¼ by default) */
  readonly cjkLatinSpacingEm: number;
  /** first-line indent in em (2 by default) */
  readonly indentEm: number;
}

/** A named rectangle of the column grid an article may pin itself to (`area: lead`). */
export interface TemplateArea {
  readonly name: string;
  /** first column, 0-based */
  readonly column: number;
  readonly columns: number;
  /** first grid line, 0-based */
  readonly line: number;
  /** height in grid lines; absent = to the bottom of the type area */
  readonly lines?: number;
}

export interface Template {
  readonly name: string;
  /** absolute path of the template file */
  readonly file: string;
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly margins: Margins;
  readonly bleedMm: number;
  readonly columns: number;
  readonly gutterMm: number;
  /** height reserved at the top of the type area for the running head */
  readonly runningHeadMm: number;
  /** height reserved at the foot of the type area for folio and page editor */
  readonly footMm: number;
  readonly composition: CompositionSettings;
  readonly styles: StyleSet;
  readonly areas: readonly TemplateArea[];
  /** print profile: maximum total ink of photos, in percent */
  readonly maxInkPercent: number;
  /** print profile: absolute path of the plant's CMYK ICC profile; Banmian's own when absent */
  readonly iccProfile?: string;
}
