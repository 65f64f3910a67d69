// Page composition of the five sample issues, checked on the layout's plain data (no PDF):
// one shared line grid, rectangular modules that tile the page without overlap or big holes,
// the lead on top and widest, balanced columns, headlines across their modules, captions under
// their photos.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowItem } from '../../src/layout/blocks.js';
import type { GlyphRun, ImageBox } from '../../src/layout/frames.js';
import { baselineInSlot, columnLeft, pageGrid, rowTop, spanWidth, type PageGrid } from '../../src/layout/grid.js';
import type { PlacedModule } from '../../src/layout/arrange.js';
import { layOut } from '../../src/pipeline.js';
import { loadTemplate } from '../../src/template/load.js';

const ISSUES = join(import.meta.dirname, '..', '..', 'issues');
const SAMPLES = readdirSync(ISSUES).filter((f) => /^gongyi-\d{4}-\d{2}-\d{2}\.yaml$/u.test(f)).sort();
const EPS = 0.01;

async function samplePage(name: string) {
  const { issue, layout } = await layOut(join(ISSUES, name));
  const template = await loadTemplate(issue.template, dirname(issue.file));
  const grid = pageGrid(template, 1);
  const page = layout.frames.pages[0];
  const arrangement = layout.pages[0]?.arrangement;
  if (!page || !arrangement) throw new Error('no page');
  const runs = page.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
  const images = page.items.filter((i): i is ImageBox => i.kind === 'image');
  return { issue, grid, runs, images, modules: arrangement.modules, emptyCells: arrangement.emptyCells };
}

/** Lines each column of a module holds, in grid rows from the module's top. */
function columnDepths(m: PlacedModule): number[] {
  const { flow } = m.layout.prepared;
  return m.layout.fill.columns.map(([from, to], c) => {
    let rows = 0;
    for (let i = from; i < to; i += 1) rows += (flow[i] as FlowItem).heightLines;
    return (m.layout.starts[c] ?? 0) + rows;
  });
}

function inside(grid: PageGrid, m: PlacedModule, x: number, y: number): boolean {
  const left = columnLeft(grid, m.column);
  const top = rowTop(grid, m.row);
  return (
    x >= left - EPS &&
    x <= left + spanWidth(grid, m.layout.widthColumns) + EPS &&
    y >= top - EPS &&
    y <= rowTop(grid, m.row + m.layout.heightLines) + EPS
  );
}

describe.each(SAMPLES)('%s', (name) => {
  it('sets every body line of the page on one grid', async () => {
    const { grid, runs } = await samplePage(name);
    const body = runs.filter((r) => r.role === 'body');
    expect(body.length).toBeGreaterThan(100);
    for (const run of body) {
      const row = (run.baseline - baselineInSlot(grid.typeTop, grid.pitch, grid.bodySizePt)) / grid.pitch;
      expect(Math.abs(row - Math.round(row))).toBeLessThan(1e-6);
      expect(Math.round(row)).toBeGreaterThanOrEqual(0);
      expect(Math.round(row)).toBeLessThan(grid.lines);
    }
  });

  it('tiles the page with rectangular modules: no overlap, inside the grid, holes under three lines', async () => {
    const { grid, modules, emptyCells, issue } = await samplePage(name);
    expect(modules).toHaveLength(issue.pages[0]?.articles.length ?? -1);
    const cells = new Set<string>();
    for (const m of modules) {
      expect(m.column + m.layout.widthColumns).toBeLessThanOrEqual(grid.columns);
      expect(m.row + m.layout.heightLines).toBeLessThanOrEqual(grid.lines);
      for (let c = m.column; c < m.column + m.layout.widthColumns; c += 1) {
        for (let r = m.row; r < m.row + m.layout.heightLines; r += 1) {
          const key = `${c}/${r}`;
          expect(cells.has(key)).toBe(false);
          cells.add(key);
        }
      }
    }
    expect(emptyCells).toBe(grid.columns * grid.lines - cells.size);
    expect(emptyCells).toBeLessThan(3 * grid.columns);
  });

  it('puts the lead story on top, widest of its band, and the others in manifest order', async () => {
    const { modules, issue } = await samplePage(name);
    const lead = modules[0];
    expect(lead?.layout.prepared.article).toBe(issue.pages[0]?.articles[0]);
    expect(lead?.row).toBe(0);
    const firstBand = modules.filter((m) => m.row === 0);
    expect(Math.max(...firstBand.map((m) => m.layout.widthColumns))).toBe(lead?.layout.widthColumns);
    // reading order: top to bottom, then left to right
    const order = [...modules].sort((a, b) => a.row - b.row || a.column - b.column);
    expect(order.map((m) => m.layout.prepared.label)).toEqual(modules.map((m) => m.layout.prepared.label));
  });

  it('balances each module’s columns: text columns end within two lines of the deepest', async () => {
    const { modules } = await samplePage(name);
    for (const m of modules) {
      const depths = columnDepths(m);
      const tallest = Math.max(...depths);
      const { flow } = m.layout.prepared;
      m.layout.fill.columns.forEach(([from, to], c) => {
        if (to <= from) return;
        // A subhead is never left at a column foot: the column may end short by its height.
        const next = flow[to];
        const allowance = 2 + (next?.keepWithNext ? next.heightLines : 0);
        expect(tallest - (depths[c] as number), `${m.layout.prepared.label} column ${c}`).toBeLessThanOrEqual(allowance);
      });
    }
  });

  it('runs each headline across its own module, and sets captions under their photos', async () => {
    const { grid, runs, images, modules } = await samplePage(name);
    for (const run of runs.filter((r) => ['kicker', 'headline', 'subhead'].includes(r.role))) {
      const end = run.x + (run.glyphs.at(-1)?.x ?? 0) + (run.glyphs.at(-1)?.advancePt ?? 0);
      const owner = modules.find((m) => inside(grid, m, run.x, run.baseline));
      expect(owner).toBeDefined();
      if (owner) expect(inside(grid, owner, end, run.baseline)).toBe(true);
    }
    for (const image of images) {
      const owner = modules.find((m) => inside(grid, m, image.x, image.y));
      expect(owner).toBeDefined();
      const captions = runs.filter((r) => (r.role === 'caption' || r.role === 'credit') && r.x >= image.x - EPS && r.x <= image.x + image.width);
      const below = captions.filter((r) => r.baseline > image.y + image.height && r.baseline < image.y + image.height + 4 * grid.pitch);
      expect(below.length).toBeGreaterThan(0);
    }
  });

  it('leaves no paragraph’s first line alone at a column foot nor its last line alone at a column head', async () => {
    const { modules } = await samplePage(name);
    for (const m of modules) {
      const { flow } = m.layout.prepared;
      m.layout.fill.columns.forEach(([from, to], c) => {
        if (c === m.layout.fill.columns.length - 1 || to <= from) return;
        expect((flow[to - 1] as FlowItem).position, `${m.layout.prepared.label} column ${c} foot`).not.toBe('first');
        expect(flow[to]?.position, `${m.layout.prepared.label} column ${c + 1} head`).not.toBe('last');
      });
    }
  });
});
