// Small made-up pages through the whole importer: what decides heading against cut-off text,
// headline against in-body subhead, which caption is which, and what the draft manifest says.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UNTITLED_HEADLINE } from '../../src/importer/assemble.js';
import { importPage } from '../../src/importer/import-page.js';
import { manifestSchema } from '../../src/manifest/schema.js';

const page = (...blocks: string[]): string => blocks.join('\n\n');
const GAP = '\n\n\n';

describe('importPage structure', () => {
  it('rejoins a paragraph cut by a column break, even where the cut-off part looks like a heading', () => {
    const { structure } = importPage(page('甲地举行活动', '近日,活动举行。', '浙江省妇幼保健协会会长', '胡崇高认为,意义重大。', '据悉,“红纽扣', '计划”公益项目启动。'));
    expect(structure.articles[0]?.paragraphs).toEqual([
      { kind: 'body', text: '近日,活动举行。' },
      { kind: 'body', text: '浙江省妇幼保健协会会长胡崇高认为,意义重大。' },
      { kind: 'body', text: '据悉,“红纽扣计划”公益项目启动。' },
    ]);
  });

  it('reads a quoted slogan over a headline as 引题, and a second unquoted line as 副题', () => {
    const kicker = importPage(page('“推进‘五社联动’ 关爱‘一小一老’”', '宣传活动将于3月下旬举行', '正文。')).structure.articles[0];
    expect([kicker?.kicker, kicker?.headline, kicker?.subhead]).toEqual(['“推进‘五社联动’ 关爱‘一小一老’”', '宣传活动将于3月下旬举行', undefined]);
    const deck = importPage(page('“红纽扣医务社工项目”浙江站启动', '22家试点医院签约', '■ 本报记者 于俊如', '正文。')).structure.articles[0];
    expect([deck?.kicker, deck?.headline, deck?.subhead, deck?.byline]).toEqual([undefined, '“红纽扣医务社工项目”浙江站启动', '22家试点医院签约', '本报记者 于俊如']);
  });

  it('takes a short heading inside a running story as an in-body subhead, and a headline-shaped one as the next story', () => {
    const { structure } = importPage(
      page('湖南常德:为老服务', '导语。', '坚持需求导向 推动服务精准化', '第一节。', '福建: 推动社会工作助力乡村振兴', '近日,福建举行。', '短标题', '■ 本报记者 皮磊', '正文。'),
    );
    expect(structure.articles.map((a) => a.headline)).toEqual(['湖南常德:为老服务', '福建: 推动社会工作助力乡村振兴', '短标题']);
    expect(structure.articles[0]?.paragraphs.map((p) => p.kind)).toEqual(['body', 'subhead', 'body']);
  });

  it('starts a new story after a source credit, with the credit kept by the story it closes', () => {
    const { structure } = importPage(page('第一篇', '正文一。(据东南网)', '第二篇', '正文二。', '(据人民网)'));
    expect(structure.articles.map((a) => [a.headline, a.source])).toEqual([
      ['第一篇', '据东南网'],
      ['第二篇', '据人民网'],
    ]);
  });

  it('finds captions by credit, by their own frame, and by echoing the headline below', () => {
    const { structure } = importPage(
      page('老人服务活动', '老人在社区学习使用智能手机。(据民政厅)') + GAP + page('社区老人学习使用智能手机') + GAP + page('佛山发布救助标准', '佛山发布 救助标准', '日前,佛山发布标准。', '活动现场(本报记者 皮磊/摄)'),
    );
    expect(structure.articles.map((a) => [a.headline, a.captions])).toEqual([
      ['老人服务活动', [{ text: '社区老人学习使用智能手机' }]],
      ['佛山发布 救助标准', [{ text: '佛山发布救助标准' }, { text: '活动现场', credit: '本报记者 皮磊/摄' }]],
    ]);
  });

  it('gives text before any headline a placeholder headline rather than losing it', () => {
    const { structure } = importPage('没有标题的正文。');
    expect(structure.articles).toEqual([{ headline: UNTITLED_HEADLINE, paragraphs: [{ kind: 'body', text: '没有标题的正文。' }], captions: [] }]);
  });
});

describe('draft manifest', () => {
  const seedLike = page('公益时报 2024年4月2日 第14期 社会工作', '标题甲', '正文甲。', '活动现场(新华社记者 龚雯/摄)', '本版编辑 王琳');

  it('validates, takes metadata from the running head, and puts the caption in print with a comment when no file is given', () => {
    const { manifest } = importPage(seedLike);
    const data = manifestSchema.parse(parse(manifest));
    expect([data.publication, data.issue, data.date, data.template]).toEqual(['公益时报', '第14期', '2024-04-02', 'tabloid']);
    expect(data.pages[0]?.section).toBe('社会工作');
    expect(data.pages[0]?.editor).toBe('本版编辑 王琳');
    expect(data.pages[0]?.articles[0]?.body).toBe('活动现场（新华社记者 龚雯/摄）\n\n正文甲。');
    expect(data.pages[0]?.articles[0]?.photos).toBeUndefined();
    expect(manifest).toMatch(/# photo caption kept in print as the first paragraph/u);
    expect(manifest).not.toMatch(/placeholder/u);
  });

  it('makes a photos: entry when a file is given, and options override the page', () => {
    const { manifest } = importPage(seedLike, { photoFiles: ['photos/scene.jpg'], date: '2024-04-03', template: 'a4' });
    const data = manifestSchema.parse(parse(manifest));
    expect(data.date).toBe('2024-04-03');
    expect(data.template).toBe('a4');
    expect(data.pages[0]?.articles[0]?.photos).toEqual([{ file: 'photos/scene.jpg', caption: '活动现场', credit: '新华社记者 龚雯/摄' }]);
    expect(data.pages[0]?.articles[0]?.body).toBe('正文甲。');
  });

  it('fills what the page does not say with placeholders that validate, each marked in a comment', () => {
    const { manifest } = importPage(page('标题', '正文。'));
    const data = manifestSchema.parse(parse(manifest));
    expect(data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(manifest.match(/# placeholder/gu)).toHaveLength(3);
  });

  it('spreads a long page over several draft pages, in order', () => {
    const story = (n: number) =>
      page(`第${n}篇报道标题`, ...Array.from({ length: 20 }, () => '这是一段用来占满版面的正文内容,共有三十个字左右的长度。'), '(据新华社)');
    const { manifest, pages } = importPage(page(story(1), story(2), story(3), story(4), story(5), story(6), story(7), story(8)));
    const data = manifestSchema.parse(parse(manifest));
    expect(pages.length).toBeGreaterThan(1);
    expect(data.pages.flatMap((p) => p.articles.map((a) => a.headline))).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `第${n}篇报道标题`));
  });
});
