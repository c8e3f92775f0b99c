import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { hanCount, plainLatex, tidyProse, tidyTitle, titleKey, titleSimilarity } from '../../src/import/text.ts';
import { issueSlugs } from '../../src/core/title-slugs.ts';

describe('titleSimilarity: a 目录 entry against a title in the body', () => {
  it('is 1 when only punctuation, spaces and full/half-width forms differ', () => {
    expect(titleSimilarity('▲星河科技: 新产线投产, 年产能翻番!', '## 星河科技：新产线投产，年产能翻番！')).toBe(1);
    expect(titleSimilarity('ＡＢＣ芯片 发布', 'ABC芯片发布')).toBe(1);
    expect(titleSimilarity('2025 年 大会 召开', '2025年大会召开')).toBe(1);
    expect(titleSimilarity('芯片大会成功举办', '芯片大会：成功举办')).toBe(1);
  });

  it('is high when one title contains the other or a character or two differ', () => {
    expect(titleSimilarity('星河科技王明：三点看法', '星河科技：三点看法')).toBeGreaterThan(0.85);
    expect(titleSimilarity('募资9亿元用于封装项目', '募资9亿用于封装项目')).toBeGreaterThan(0.85);
    expect(titleSimilarity('湖州滤波器项目正式通线', '湖州滤波器项目')).toBeGreaterThan(0.7);
  });

  it('is low for different titles', () => {
    expect(titleSimilarity('存储芯片价格上涨', '政策解读会成功举办')).toBeLessThan(0.3);
  });

  it('keys ignore Markdown, bullets and case', () => {
    expect(titleKey('### **GPU CPO**，国内首创')).toBe('gpucpo国内首创');
  });
});

describe('tidyProse: Chinese punctuation and spacing as the project writes them', () => {
  it('makes half-width punctuation after Han text full-width', () => {
    expect(tidyProse('公司宣布, 产线投产: 年产能翻番; 是否可行? 可行!')).toBe(
      '公司宣布，产线投产：年产能翻番；是否可行？可行！',
    );
  });

  it('leaves figures and Latin text alone', () => {
    expect(tidyProse('收入1,230,740元, 同比增长')).toBe('收入1,230,740元，同比增长');
    expect(tidyProse('Siemens EDA, Cadence and others')).toBe('Siemens EDA, Cadence and others');
    expect(tidyProse('见 http://example.org/a')).toBe('见http://example.org/a');
  });

  it('removes spaces between Han and Latin or digits, keeps those between Han words', () => {
    expect(tidyProse('2024 年 全球 AI 芯片 市场')).toBe('2024年 全球AI芯片 市场');
    expect(tidyProse('省科技厅 省经信厅')).toBe('省科技厅 省经信厅');
  });

  it('turns parentheses around Han text full-width', () => {
    expect(tidyProse('(来源: 某某网)')).toBe('（来源：某某网）');
    expect(tidyProse('碳化硅(SiC)器件')).toBe('碳化硅（SiC）器件');
    expect(tidyProse('value (x+1) grows')).toBe('value (x+1) grows');
    expect(tidyProse('电源管理IC (PMIC)，为手机')).toBe('电源管理IC（PMIC），为手机');
    expect(tidyProse('Example Technology (Hangzhou) Co., Ltd.')).toBe('Example Technology (Hangzhou) Co., Ltd.');
    expect(tidyProse('双创基地（平台)联合')).toBe('双创基地（平台）联合');
  });

  it('keeps Markdown hard line breaks', () => {
    expect(tidyProse('第一行（甲）  \n第二行')).toBe('第一行（甲）  \n第二行');
  });

  it('never adds or removes a Han character', () => {
    const text = '公司 宣布, 2024 年（预计) 营收: 10 亿元; 同比 增长 20% !';
    expect(hanCount(tidyProse(text))).toBe(hanCount(text));
  });

  it('titles lose 目录 bullets and heading marks', () => {
    expect(tidyTitle('## ▲ 星河科技: 新产线投产')).toBe('星河科技：新产线投产');
  });
});

/** The slugs of made-up titles, numbered in order. */
const slugs = (...titles: string[]) =>
  issueSlugs(
    titles.map((title, k) => ({ title, order: k + 1 })),
    pinyin,
  );

describe('issueSlugs and plainLatex', () => {
  it('makes a slug of the first six syllables and Latin words of a title', () => {
    expect(
      slugs(
        'GPU CPO，国内首创',
        'I2C，要被取代了',
        '让RISC-V成为引擎',
        '新产线投产2025',
        '出口额6502.6亿元',
        '绿色工厂',
        '《》——',
      ),
    ).toEqual([
      'gpu-cpo-guo-nei-shou-chuang',
      'i2c-yao-bei-qu-dai-le',
      'rang-risc-v-cheng-wei-yin-qing',
      'xin-chan-xian-tou-chan-2025',
      'chu-kou-e-6502-6-yi-yuan',
      'lv-se-gong-chang',
      undefined,
    ]);
  });

  it('takes more words, up to ten, for titles that start alike, and then the order of the one that repeats a slug', () => {
    expect(slugs('某省人民政府办公室关于甲的方案', '某省人民政府办公厅关于乙的方案', '某省人民政府发布新规')).toEqual([
      'mou-sheng-ren-min-zheng-fu-ban-gong-shi',
      'mou-sheng-ren-min-zheng-fu-ban-gong-ting',
      'mou-sheng-ren-min-zheng-fu-fa',
    ]);
    // Twelve words alike and more: the first six, then four from where the titles part.
    expect(slugs('某省人民政府办公厅关于加快建设甲中心的方案', '某省人民政府办公厅关于加快建设乙平台的方案')).toEqual([
      'mou-sheng-ren-min-zheng-fu-jia-zhong-xin-de',
      'mou-sheng-ren-min-zheng-fu-yi-ping-tai-de',
    ]);
    expect(slugs('星河科技', '星河科技')).toEqual(['xing-he-ke-ji', 'xing-he-ke-ji-02']);
  });

  it('writes LaTeX units as plain characters', () => {
    expect(plainLatex('厚度 1-3  $\\mu\\text{m}$ ，传输')).toBe('厚度 1-3 μm ，传输');
    expect(plainLatex('cost $\\frac{a}{b}$ here')).toBe('cost $\\frac{a}{b}$ here');
  });
});
