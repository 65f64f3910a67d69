// The five seed pages (extracted text of real pages) imported and built: the draft validates and
// builds, the PDF holds every character of the seed and nothing else but the page furniture, and
// the structure found is the one read off each page by hand (written down below from the seeds,
// not from the importer's output).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, describe, expect, it } from 'vitest';
import { importPage } from '../../src/importer/import-page.js';
import type { ImportedArticle } from '../../src/importer/types.js';
import { buildIssue, layOut } from '../../src/pipeline.js';
import { normalizeText } from '../../src/text/normalize.js';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');
const out = mkdtempSync(join(tmpdir(), 'banmian-import-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** One story as read off the page. Captions are [text, credit]. */
interface Expected {
  kicker?: string;
  headline: string;
  subhead?: string;
  byline?: string;
  source?: string;
  subheads?: string[];
  captions?: [string, string?][];
  /** body paragraphs, column breaks rejoined */
  paragraphs: number;
}

const EXPECTED: Record<string, Expected[]> = {
  '000_ec21b2a4dd89f1c8.txt': [
    {
      kicker: '“推动企业健康促进,社工助力美好生活”',
      headline: '企业健康促进专项活动在上海举行',
      source: '据新华社客户端',
      captions: [['“推动企业健康促进,社工助力美好生活”企业健康促进专项活动在上海举行', '新华社记者 龚雯/摄']],
      paragraphs: 8,
    },
    { headline: '安徽凤阳:探索建立“慈善+社工+志愿者”联动服务模式', source: '据凤阳县民政局', paragraphs: 6 },
    {
      headline: '安徽全椒:以“五社联动”为支点探索基层治理新路径',
      source: '据人民网',
      // printed between the 凤阳 and 全椒 stories; it shows the 全椒 ceremony
      captions: [['3月25日,南京大学、南京财经大学与全椒县合作共建的社会工作实习基地正式揭牌', '图片来源:全椒县民政局']],
      paragraphs: 7,
    },
    { headline: '陕西推动实施“未检+司法社工”模式 助迷途少年安全 返航', source: '据中国新闻网', paragraphs: 5 },
  ],
  '001_e02ebff22f2e1019.txt': [
    {
      headline: '“红纽扣医务社工项目”浙江站启动',
      subhead: '22家试点医院签约',
      byline: '本报记者 于俊如',
      subheads: ['启动仪式'],
      paragraphs: 11,
    },
    { headline: '持续推动社会工作高质量发展 广州市黄埔区社会工作联合会成立', byline: '本报记者 皮磊', paragraphs: 6 },
    {
      headline: '进一步提升社会工作服务水平 荆州市社会工作(社区治理)学院揭牌',
      byline: '本报记者 皮磊',
      captions: [['荆州市社会工作(社区治理)学院揭牌仪式']],
      paragraphs: 6,
    },
  ],
  '002_97ebb4bc4085e2f5.txt': [
    {
      kicker: '“推进‘五社联动’ 关爱‘一小一老’”',
      headline: '2023 年社会工作主题宣传活动将于 3 月下旬举行',
      byline: '本报记者 皮磊',
      paragraphs: 9,
    },
    { headline: '福建: 推动社会工作助力乡村振兴', source: '据东南网', paragraphs: 9 },
    {
      headline: '中国社会工作联合会妇女与婚姻家庭工作委员会更名换届大会暨“凝聚社会力量建设幸福家庭”主题交流会召开',
      source: '据中国社会工作联合会',
      paragraphs: 8,
    },
  ],
  '003_94c147f5600688ed.txt': [
    { headline: '“牵手计划”产业支持项目“村村播 家家富”公益助农活动在京启动', source: '据中国社会工作联合会', paragraphs: 5 },
    { headline: '陕西省神木市出台社工站(室)建设和管理服务实施意见', byline: '本报记者 皮磊', paragraphs: 6 },
    { headline: '探索医社共治新路径 广东首个健共体医务社工管委会成立大会在顺德举行', source: '据中国社会工作联合会', paragraphs: 7 },
  ],
  '004_4fa76e924e05dc0d.txt': [
    { headline: '河南省社会工作人才队伍建设联席会议全体会议召开', source: '据河南社会工作', paragraphs: 3 },
    {
      headline: '湖南常德:社工探索“精准服务+多元协同”为老服务模式 托起银龄幸福生活',
      source: '据湖南省民政厅官网',
      subheads: ['坚持需求导向 推动银龄服务精准化', '整合社会资源 构建多元协同参与机制', '打造服务品牌 让老人安心舒心'],
      captions: [['湖南常德,社工和志愿者在武陵区芙蓉街道教老人使用智能手机']],
      paragraphs: 6,
    },
    {
      headline: '广东佛山发布 社会救助社工服务地方标准',
      source: '据佛山市民政局官网',
      // the caption repeats the headline, spaced differently
      captions: [['广东佛山发布社会救助社工服务地方标准']],
      paragraphs: 8,
    },
    { headline: '闽江学院福州社会工作发展研究院揭牌', source: '据《福建日报》', paragraphs: 4 },
  ],
};

/** The structure in the same terms as EXPECTED. */
function found(a: ImportedArticle): Expected {
  const subheads = a.paragraphs.filter((p) => p.kind === 'subhead').map((p) => p.text);
  return {
    ...(a.kicker === undefined ? {} : { kicker: a.kicker }),
    headline: a.headline,
    ...(a.subhead === undefined ? {} : { subhead: a.subhead }),
    ...(a.byline === undefined ? {} : { byline: a.byline }),
    ...(a.source === undefined ? {} : { source: a.source }),
    ...(subheads.length === 0 ? {} : { subheads }),
    ...(a.captions.length === 0 ? {} : { captions: a.captions.map((c): [string, string?] => (c.credit === undefined ? [c.text] : [c.text, c.credit])) }),
    paragraphs: a.paragraphs.length - subheads.length,
  };
}

const visible = (s: string): string => s.replace(/[\s\u3000]/gu, '');

function count(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of visible(text)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Every character whose count differs, as readable lines; empty when the multisets are equal. */
function differences(expected: Map<string, number>, actual: Map<string, number>): string[] {
  return [...new Set([...expected.keys(), ...actual.keys()])]
    .filter((ch) => expected.get(ch) !== actual.get(ch))
    .map((ch) => `${ch}: seed + furniture ${expected.get(ch) ?? 0}, PDF ${actual.get(ch) ?? 0}`);
}

/** The seed as print shows it after the engine's normalisation: markdown heading markers are extraction markup. */
function printedSeed(seed: string): string {
  return seed
    .split('\n')
    .map((line) => normalizeText(line.replace(/^#{1,6}[ \t]+/u, '')))
    .join('\n');
}

async function pdfText(file: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)) });
  try {
    // pdf-parse marks page ends with `-- 1 of 2 --`: not ours.
    return (await parser.getText()).text.replace(/^-- \d+ of \d+ --$/gmu, '');
  } finally {
    await parser.destroy();
  }
}

const FURNITURE = new Set(['runningHead', 'folio', 'pageEditor', 'jumpLine']);

describe.each(Object.keys(EXPECTED))('seed page %s', (seedName) => {
  const seed = readFileSync(join(SEEDS, seedName), 'utf8');
  const { manifest, structure, pages } = importPage(seed);

  it('is found to have the hand-checked stories, headline groups, credits, subheads and captions', () => {
    expect(structure.articles.map(found)).toEqual(EXPECTED[seedName]);
  });

  it('rejoins every paragraph a column break cut: each ends a sentence', () => {
    const cut = structure.articles.flatMap((a) =>
      a.paragraphs.filter((p) => p.kind === 'body' && !/[。!?:;…!?:;][”’」』)）》]*$/u.test(p.text)).map((p) => p.text.slice(-20)),
    );
    expect(cut).toEqual([]);
  });

  it('drafts one page that builds, and the PDF holds exactly the seed text plus the page furniture', async () => {
    expect(pages).toHaveLength(1);
    const file = join(out, seedName.replace(/txt$/u, 'yaml'));
    writeFileSync(file, manifest);
    const report = await buildIssue(file, { output: file.replace(/yaml$/u, 'pdf'), profile: 'email' });
    expect(report.articles).toBe(EXPECTED[seedName]?.length);

    const { layout } = await layOut(file);
    const furniture = layout.frames.pages
      .flatMap((p) => p.items.flatMap((i) => (i.kind === 'glyphs' && FURNITURE.has(i.role) ? i.glyphs.map((g) => g.text) : [])))
      .join('');
    const expected = count(printedSeed(seed) + furniture);
    const actual = count(await pdfText(report.output));
    expect(differences(expected, actual)).toEqual([]);
    // Not vacuous: the seed is thousands of characters and all of them were compared.
    expect(visible(printedSeed(seed)).length).toBeGreaterThan(3000);
  });
});
