/**
 * Names in narrow newspaper columns: justification spreads a short line's characters apart (刘 锴 表 示), and a
 * byline's names run into each other once the line breaks are gone (叶 玉\n娇 江阳). Spaces are removed only
 * where that is certain: in a line whose every character stands apart, and in a list of names that splits into
 * Chinese names (a common surname, one or two more characters) in exactly one way.
 */

const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
]);
const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '南宫',
  '西门',
  '独孤',
];

/** Ways a run of Han characters splits into names of a surname and one or two characters. */
function parses(chars: string, limit = 3): string[][] {
  if (!chars) return [[]];
  const out: string[][] = [];
  const heads: number[] = [];
  if (COMPOUND.some((c) => chars.startsWith(c))) heads.push(2);
  if (SURNAMES.has(chars[0]!)) heads.push(1);
  for (const h of heads) {
    for (const given of [1, 2]) {
      const len = h + given;
      if (len > chars.length) continue;
      for (const rest of parses(chars.slice(len), limit)) {
        out.push([chars.slice(0, len), ...rest]);
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

/** The names of a run of Han characters, when they split into names in exactly one way; otherwise undefined. */
export function splitNames(run: string): string[] | undefined {
  const chars = run.replace(/\s+/g, '');
  if (!/^\p{Script=Han}+$/u.test(chars)) return undefined;
  const found = parses(chars);
  return found.length === 1 ? found[0] : undefined;
}

/** Role words of bylines, letter-spaced or not: 本刊记者, 见习记者, 记者, 通讯员, 实习生, 摄影. */
const ROLE =
  /(本\s*[报刊]\s*(?:特\s*约\s*|见\s*习\s*)?记\s*者|见\s*习\s*记\s*者|特\s*约\s*记\s*者|记\s*者|通\s*讯\s*员|实\s*习\s*生|摄\s*影)/g;

/**
 * A byline's names set right: "记者 叶 玉娇 江阳 通讯员 焦 程" → "记者 叶玉娇 江阳 通讯员 焦程". Each list of names
 * between role words is re-split only when it splits one way; otherwise it is left as printed.
 */
export function tidyByline(text: string): { text: string; certain: boolean } {
  let certain = true;
  const parts = text.trim().split(ROLE);
  const out: string[] = [];
  for (const [k, part] of parts.entries()) {
    if (k % 2 === 1) {
      out.push(part.replace(/\s+/g, ''));
      continue;
    }
    const t = part.trim();
    if (!t) continue;
    const names = splitNames(t);
    if (names) out.push(names.join(' '));
    else {
      if (/\p{Script=Han}\s+\p{Script=Han}/u.test(t)) certain = false;
      out.push(t.replace(/\s+/g, ' '));
    }
  }
  return { text: out.join(' '), certain };
}

/**
 * A justified narrow-column line whose characters all stand apart ("会 议 审 议 通 过 了"): its spaces between
 * Han characters and punctuation go. A line with only a few spaced characters is left alone.
 */
export function closeLetterSpacing(line: string): string {
  const t = line.trim();
  const gaps = t.match(/[\p{Script=Han}，。、；：“”（）][ \u3000]+(?=[\p{Script=Han}，。、；：“”（）])/gu)?.length ?? 0;
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (gaps < 2 || gaps < han * 0.6) return line;
  return line.replace(/([\p{Script=Han}，。、；：“”（）])[ \u3000]+(?=[\p{Script=Han}，。、；：“”（）])/gu, '$1');
}

/**
 * A line printed twice over, as some PDFs fake bold type: every word repeated ("供图供图") or every character
 * doubled ("刘刘 锴锴"). Returns the line as it should read, or undefined when it is not doubled.
 */
export function undouble(line: string): string | undefined {
  const words = line.trim().split(/\s+/);
  const fixed = words.map((w) => {
    const chars = [...w];
    if (chars.length % 2) return undefined;
    const half = chars.length / 2;
    if (chars.slice(0, half).join('') === chars.slice(half).join('')) return chars.slice(0, half).join('');
    if (chars.every((c, i) => i % 2 === 1 || c === chars[i + 1])) return chars.filter((_, i) => i % 2 === 0).join('');
    return undefined;
  });
  if (fixed.some((w) => w === undefined) || words.join('').length < 4) return undefined;
  return fixed.join(' ');
}
