// Each detector of the importer on its own: the marks and shapes it reads, and the look-alikes
// it must leave alone (mostly taken from the seed pages).
import { describe, expect, it } from 'vitest';
import { captionOwner, sharedPairs } from '../../src/importer/caption-owner.js';
import { parseByline, parseEditorCredit, splitPhotoCredit, splitSourceCredit } from '../../src/importer/credits.js';
import { hasHeadlineForm, isEcho, looksLikeHeading } from '../../src/importer/headings.js';
import { readPageLines } from '../../src/importer/page-lines.js';
import { paginate } from '../../src/importer/paginate.js';
import { endsSentence, hasClauseMarkOutsideQuotes, isBalanced, isWhollyQuoted } from '../../src/importer/punctuation.js';
import { parseRunningHead } from '../../src/importer/running-head.js';

describe('page lines', () => {
  it('drops blank lines, strips markdown heading markers and marks a longer run of blanks as a gap', () => {
    const lines = readPageLines('\n\n“引题”\n\n# 主题\n\n正文一。\n\n\n\n图片说明\n\n## 下一篇\n');
    expect(lines).toEqual([
      { text: '“引题”', headingLevel: 0, gapBefore: false },
      { text: '主题', headingLevel: 1, gapBefore: false },
      { text: '正文一。', headingLevel: 0, gapBefore: false },
      { text: '图片说明', headingLevel: 0, gapBefore: true },
      { text: '下一篇', headingLevel: 2, gapBefore: false },
    ]);
  });

  it('takes the usual separator from the page: with no blank lines between paragraphs, one blank line is a gap', () => {
    expect(readPageLines('甲。\n乙。\n丙。\n\n丁').map((l) => l.gapBefore)).toEqual([false, false, false, true]);
  });
});

describe('punctuation', () => {
  it('knows a finished sentence, behind closing quotes and brackets, in either width', () => {
    for (const s of ['重要。', '以下三方面:', '以下三方面：', '“有为”才能“有位”。”', '好吗?', '品质。)']) expect(endsSentence(s), s).toBe(true);
    for (const s of ['促进经济社会持', '持续以“专业化、职业化、社会化”', '(据人民网)', '浙江站启动']) expect(endsSentence(s), s).toBe(false);
  });

  it('checks that quotes and brackets close in order', () => {
    expect(isBalanced('“推进‘五社联动’ 关爱‘一小一老’”')).toBe(true);
    expect(isBalanced('据悉,“红纽扣医务社工计')).toBe(false);
    expect(isBalanced('鱼”为“授人以渔”')).toBe(false);
  });

  it('finds pause marks only outside quotes', () => {
    expect(hasClauseMarkOutsideQuotes('“推动企业健康促进,社工助力美好生活”')).toBe(false);
    expect(hasClauseMarkOutsideQuotes('据了解,“村村播 家家富”')).toBe(true);
    expect(hasClauseMarkOutsideQuotes('荆州市委社会工作部部长、市委两新工委书记')).toBe(true);
  });

  it('tells a line that is one quotation from one that starts and ends with quotes', () => {
    expect(isWhollyQuoted('“推进‘五社联动’ 关爱‘一小一老’”')).toBe(true);
    expect(isWhollyQuoted('“红纽扣医务社工项目”浙江站启动')).toBe(false);
    expect(isWhollyQuoted('“慈善”与“社工”')).toBe(false);
  });
});

describe('credits', () => {
  it('reads a byline without its ■', () => {
    expect(parseByline('■ 本报记者 于俊如')).toBe('本报记者 于俊如');
    expect(parseByline('■本报记者 皮磊')).toBe('本报记者 皮磊');
    expect(parseByline('本报记者 皮磊')).toBeUndefined();
  });

  it('splits a source credit off a line, alone or after the last sentence, in either bracket width', () => {
    expect(splitSourceCredit('(据新华社客户端)')).toEqual({ text: '', source: '据新华社客户端' });
    expect(splitSourceCredit('（据东南网）')).toEqual({ text: '', source: '据东南网' });
    expect(splitSourceCredit('城市温度和品质。(据凤阳县民政局)')).toEqual({ text: '城市温度和品质。', source: '据凤阳县民政局' });
  });

  it('leaves brackets that are not a closing credit in the text', () => {
    for (const s of ['社工站(室)', '他说(据了解)还有', '以乡镇(街道)社工站为平台。', '数据来源于统计(据统计局)']) {
      expect(splitSourceCredit(s), s).toEqual({ text: s });
    }
  });

  it('splits a photo credit off a caption', () => {
    expect(splitPhotoCredit('活动在上海举行(新华社记者 龚雯/摄)')).toEqual({ text: '活动在上海举行', credit: '新华社记者 龚雯/摄' });
    expect(splitPhotoCredit('基地正式揭牌(图片来源:全椒县民政局)')).toEqual({ text: '基地正式揭牌', credit: '图片来源:全椒县民政局' });
    expect(splitPhotoCredit('学院揭牌（本报记者 皮磊 摄影）')).toEqual({ text: '学院揭牌', credit: '本报记者 皮磊 摄影' });
    expect(splitPhotoCredit('品质。(据凤阳县民政局)')).toBeUndefined();
    expect(splitPhotoCredit('(新华社记者 龚雯/摄)')).toBeUndefined();
  });

  it('reads the page editor’s credit', () => {
    expect(parseEditorCredit('本版编辑 王琳')).toBe('本版编辑 王琳');
    expect(parseEditorCredit('责任编辑：孙悦')).toBe('责任编辑：孙悦');
    expect(parseEditorCredit('本版编辑认为,这是一个长句子。')).toBeUndefined();
  });
});

describe('running head', () => {
  it('reads publication, date, issue and section, and drops what the rebuilt page prints itself', () => {
    expect(parseRunningHead('公益时报 2024年4月2日 星期二 第14期 社会工作')).toEqual({
      publication: '公益时报',
      date: '2024-04-02',
      issue: '第14期',
      section: '社会工作',
    });
    expect(parseRunningHead('2023-03-07 第10期 第7版')).toEqual({ date: '2023-03-07', issue: '第10期' });
  });

  it('needs a real date', () => {
    expect(parseRunningHead('公益时报 2024年2月30日')).toBeUndefined();
    expect(parseRunningHead('企业健康促进专项活动在上海举行')).toBeUndefined();
  });
});

describe('headings', () => {
  it('has a heading’s shape: no sentence end, no pause mark outside quotes, balanced, short', () => {
    for (const s of ['启动仪式', '福建: 推动社会工作助力乡村振兴', '“推动企业健康促进,社工助力美好生活”', '浙江省妇幼保健协会会长']) {
      expect(looksLikeHeading(s), s).toBe(true);
    }
    for (const s of ['普及社会工作专业知识。', '据了解,“村村播 家家富”', '作为“牵手计划”产业支持项目,活动将以“坚持人民至上', '甲'.repeat(65)]) {
      expect(looksLikeHeading(s), s).toBe(false);
    }
  });

  it('has a headline’s display form: a phrase space or a place label', () => {
    expect(hasHeadlineForm('坚持需求导向 推动银龄服务精准化')).toBe(true);
    expect(hasHeadlineForm('安徽凤阳:探索建立联动服务模式')).toBe(true);
    expect(hasHeadlineForm('浙江省妇幼保健协会会长')).toBe(false);
    expect(hasHeadlineForm('2023 年社会工作主题宣传活动')).toBe(false);
  });

  it('sees a caption that echoes the headline, spaces aside', () => {
    expect(isEcho('广东佛山发布社会救助社工服务地方标准', '广东佛山发布 社会救助社工服务地方标准')).toBe(true);
    expect(isEcho('广东佛山发布', '广东佛山发布标准')).toBe(false);
  });
});

describe('caption owner', () => {
  const story = (headline: string, text: string) => ({ headline, paragraphs: [{ kind: 'body' as const, text }] });
  const fengyang = story('安徽凤阳:探索建立联动服务模式', '凤阳县充分整合辖区内慈善资源。');
  const quanjiao = story('安徽全椒:以“五社联动”为支点', '3月25日,南京大学、南京财经大学与全椒合作共建的社会工作实习基地正式揭牌。');
  const caption = '3月25日,南京大学、南京财经大学与全椒县合作共建的社会工作实习基地正式揭牌';

  it('gives a caption to the neighbour that shares more of its word pairs', () => {
    expect(sharedPairs(caption, quanjiao)).toBeGreaterThan(sharedPairs(caption, fengyang));
    expect(captionOwner(caption, fengyang, quanjiao)).toBe('after');
    expect(captionOwner('凤阳县慈善资源', fengyang, quanjiao)).toBe('before');
  });

  it('keeps it with the story before on a tie, and with the only neighbour there is', () => {
    expect(captionOwner('无关的说明', fengyang, quanjiao)).toBe('before');
    expect(captionOwner(caption, fengyang, undefined)).toBe('before');
    expect(captionOwner(caption, undefined, fengyang)).toBe('after');
  });
});

describe('paginate', () => {
  const budget = { capacity: 1000, headCost: 100, photoCost: 300 };

  it('fills pages in order and turns the page when the next article does not fit', () => {
    const sizes = [{ chars: 400, photos: 0 }, { chars: 300, photos: 0 }, { chars: 200, photos: 0 }, { chars: 100, photos: 1 }];
    expect(paginate(sizes, budget)).toEqual([[{ article: 0 }, { article: 1 }], [{ article: 2 }, { article: 3 }]]);
  });

  it('lets an article longer than a page continue on the next, which the next article shares', () => {
    const sizes = [{ chars: 100, photos: 0 }, { chars: 1500, photos: 0 }, { chars: 200, photos: 0 }];
    expect(paginate(sizes, budget)).toEqual([[{ article: 0 }], [{ article: 1, continueOn: 3 }], [{ article: 2 }]]);
  });

  it('gives a long last article no continue_on, since a page without an article does not validate', () => {
    expect(paginate([{ chars: 1500, photos: 0 }], budget)).toEqual([[{ article: 0 }]]);
  });
});
