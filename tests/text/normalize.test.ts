/** Normalisation cases of cjk-typography.md §9 (29–34) and the seeds' copy-paste habits. */
import { describe, expect, it } from 'vitest';
import { normalizeByline, normalizeText } from '../../src/text/normalize.js';
import { joinSoftBreaks, segmentBody } from '../../src/text/segment.js';

describe('normalizeText', () => {
  it.each([
    ['29', '2023 年 5 月，我们在 GitHub 上发布', '2023年5月，我们在GitHub上发布'],
    ['30', '价格为3.5元,涨幅(同比)为2%.', '价格为3.5元，涨幅（同比）为2%。'],
    ['31', '他说:"你好..."', '他说：“你好……”'],
    ['32', 'COVID-19疫情, 见GB/T 15834-2011', 'COVID-19疫情，见GB/T 15834-2011'],
    ['33', '２０２３年ＡＢＣ', '2023年ABC'],
    ['33b', '　　正文开始', '正文开始'],
    ['27', '共有1 000人', '共有1\u202f000人'],
    ['seed', '截至目前,该心理学会招募培养志愿者625人,累计参与案件2552起。', '截至目前，该心理学会招募培养志愿者625人，累计参与案件2552起。'],
    ['seed', '设立乡镇(街道)社区慈善基金', '设立乡镇（街道）社区慈善基金'],
    ['seed', '(据新华社客户端)', '（据新华社客户端）'],
    ['years', '2019-2030年', '2019—2030年'],
    ['range', '20~30岁', '20～30岁'],
    ['dash', '标准--《指南》', '标准——《指南》'],
    ['phrase space', '童心有温暖 成长有相伴', '童心有温暖\u3000成长有相伴'],
    ['latin', 'hello, world. 3.5', 'hello, world. 3.5'],
    ['url', '详见https://example.org/a,b 网站', '详见https://example.org/a,b网站'],
  ])('%s: %s', (_n, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent on its own output', () => {
    for (const s of ['价格为3.5元,涨幅(同比)为2%.', '他说:"你好..."', '2023 年 5 月,GitHub']) {
      const once = normalizeText(s);
      expect(normalizeText(once)).toBe(once);
    }
  });

  it('35: byline words are separated by ideographic spaces', () => {
    expect(normalizeByline('本报记者 皮磊')).toBe('本报记者\u3000皮磊');
  });
});

describe('segmentBody', () => {
  it('34: soft breaks join without a space in Chinese, with one in Latin', () => {
    expect(segmentBody('天地\n玄黄').map((p) => p.text)).toEqual(['天地玄黄']);
    expect(segmentBody('hello\nworld').map((p) => p.text)).toEqual(['hello world']);
    // a supplementary-plane 汉字 on either side of the break is Chinese too
    expect(segmentBody('中𠀀\n𠀁文').map((p) => p.text)).toEqual(['中𠀀𠀁文']);
    // the ⋯ and ⸺ forms of the ellipsis and dash are Chinese marks like … and —
    expect(joinSoftBreaks(['他说⋯', 'OK'])).toBe('他说⋯OK');
    expect(joinSoftBreaks(['⸺', 'OK'])).toBe('⸺OK');
  });

  it('splits paragraphs at blank lines and recognises in-body subheads', () => {
    const paragraphs = segmentBody('第一段,\n接着。\n\n## 启动仪式\n第二段。\n\n\n第三段');
    expect(paragraphs.map((p) => [p.kind, p.text, p.lineOffset])).toEqual([
      ['body', '第一段，接着。', 0],
      ['subhead', '启动仪式', 3],
      ['body', '第二段。', 4],
      ['body', '第三段', 7],
    ]);
  });
});
