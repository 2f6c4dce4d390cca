import { loadConfig } from '@larder/config';
import { commentKeywords, commentSentiment, commentThemes, CommentRow, maskComment } from './comment-themes.calculator';

const classes = loadConfig({}).feedback;
const comment = (diner: string, text: string, tags: string[] = ['太咸'], dishId = 7, cell = '1|lunch|2026-W45'): CommentRow => ({ cell, canteenId: 1, dishId, diner, tags, comment: text });

describe('comment themes', () => {
  it('segments Chinese comments into theme words, without filler or numbers', () => {
    expect(commentKeywords('中午排队时间太长，建议高峰期多开一个窗口。')).toEqual(expect.arrayContaining(['中午', '排队', '太长', '窗口']));
    expect(commentKeywords('中午排队时间太长，建议高峰期多开一个窗口。')).not.toEqual(expect.arrayContaining(['建议']));
    expect(commentKeywords('3号窗口 12 点')).not.toContain('12');
  });

  it('takes the sentiment from the tags first, then from the lexicon', () => {
    expect(commentSentiment({ tags: ['实惠'], comment: '价格实惠' }, classes)).toBe('praise');
    expect(commentSentiment({ tags: ['实惠', '排队久'], comment: '' }, classes)).toBe('complaint');
    expect(commentSentiment({ tags: [], comment: '菜太油腻了' }, classes)).toBe('complaint');
    expect(commentSentiment({ tags: [], comment: '环境干净' }, classes)).toBe('praise');
    expect(commentSentiment({ tags: [], comment: '周五有鱼' }, classes)).toBe('neutral');
  });

  it('masks numbers, card numbers, phones and the people a title names', () => {
    const masked = maskComment('我卡号6222021234567890123，工号 E10234，电话13812345678，张师傅打菜太少，食堂师傅辛苦了，Mr Wang 很好');
    expect(masked).not.toMatch(/\d/);
    expect(masked).not.toContain('张');
    expect(masked).toContain('*师傅打菜');
    expect(masked).toContain('食堂师傅辛苦了');
    expect(masked).not.toContain('Wang');
  });

  it('publishes nothing of a group of 4 diners, and the themes of a group of 5', () => {
    const four = ['a', 'b', 'c', 'd'].map((diner) => comment(diner, '今天的宫保鸡丁太咸了，希望少放点盐。'));
    // one diner commenting twice is still one diner
    const fourTwice = [...four, comment('a', '宫保鸡丁太咸了，电话13812345678')];
    expect(commentThemes(fourTwice, classes)).toEqual([]);
    const five = [...fourTwice, comment('e', '宫保鸡丁太咸了，找王师傅说过')];
    const groups = commentThemes(five, classes);
    expect(groups.map((group) => [group.canteenId, group.dishId, group.diners, group.comments])).toEqual([
      [1, null, 5, 6],
      [1, 7, 5, 6],
    ]);
    const dish = groups[1];
    expect(dish.sentiment).toEqual({ praise: 0, complaint: 6, neutral: 0 });
    expect(dish.sentimentWithheld).toBe(0);
    const salty = dish.keywords.find((keyword) => keyword.word === '太咸');
    expect(salty).toEqual({ word: '太咸', sentiment: 'complaint', diners: 5, mentions: 6, example: '今天的宫保鸡丁太咸了，希望少放点盐。' });
    // a word only four diners wrote is not a theme, and no example shows a number or a name
    expect(dish.keywords.map((keyword) => keyword.word)).not.toContain('希望');
    expect(dish.keywords.map((keyword) => keyword.word)).not.toContain('电话');
    for (const keyword of dish.keywords) expect(keyword.example).not.toMatch(/\d|王/);
  });

  it('sums words and sentiments over cells only where five diners wrote them, and the rest of the cell is none or five', () => {
    const first = ['a', 'b', 'c', 'd', 'e'].map((diner) => comment(diner, '红烧肉太咸了', ['太咸'], 7, 'W44'));
    // in the next week three diners write 太咸 and two 好吃: neither part may enter a sum
    const second = [...['a', 'b', 'c'].map((diner) => comment(diner, '红烧肉太咸了', ['太咸'], 7, 'W45')), ...['f', 'g'].map((diner) => comment(diner, '红烧肉好吃', ['好吃'], 7, 'W45'))];
    // a third week of four commenters enters nothing at all
    const third = ['h', 'i', 'j', 'k'].map((diner) => comment(diner, '红烧肉太咸了', ['太咸'], 7, 'W46'));
    const [canteen] = commentThemes([...first, ...second, ...third], classes);
    expect([canteen.diners, canteen.comments]).toEqual([10, 10]);
    expect(canteen.sentiment).toEqual({ praise: 0, complaint: 5, neutral: 0 });
    // the second week's five comments are counted, their sentiment is not: they show as withheld, not as none
    expect(canteen.sentimentWithheld).toBe(5);
    expect(canteen.keywords.map((keyword) => [keyword.word, keyword.diners, keyword.mentions])).toEqual(
      [
        ['太咸', 5, 5],
        ['红烧', 10, 10],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
  });

  it('keeps a dish of 4 diners hidden inside a canteen of 5', () => {
    const rows = [...['a', 'b', 'c', 'd'].map((diner) => comment(diner, '排骨太油了', ['太油'], 3)), comment('e', '排骨太油了', ['太油'], 0)];
    const groups = commentThemes(rows, classes);
    expect(groups.map((group) => group.dishId)).toEqual([null]);
    expect(groups[0].keywords.map((keyword) => [keyword.word, keyword.diners])).toEqual([
      ['太油', 5],
      ['排骨', 5],
    ]);
  });
});
