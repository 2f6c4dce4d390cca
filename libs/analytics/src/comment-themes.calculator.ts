import { maskPersonalText } from '@larder/common';
import type { CommentSentiment, CommentThemeGroup } from './dashboard/dashboard.contract';
import type { FeedbackTagClasses } from './feedback-tag.calculator';
import { feedbackTagKind } from './feedback-tag.calculator';
import { MIN_GROUP_DINERS } from './satisfaction.calculator';

/** One comment of a released cell: who wrote it is only a pseudonym (or the answer's own id when anonymous). */
export interface CommentRow {
  /** The released cell (canteen × meal × week) the comment belongs to. */
  cell: string;
  canteenId: number;
  /** 0 for a comment about no dish. */
  dishId: number;
  diner: string;
  tags: readonly string[];
  comment: string;
}

/** Words that carry no theme: function words and the filler of feedback. */
const STOP_WORDS = new Set([
  '今天',
  '昨天',
  '明天',
  '希望',
  '建议',
  '一个',
  '一些',
  '一下',
  '有点',
  '感觉',
  '能不能',
  '不能',
  '可以',
  '还是',
  '就是',
  '已经',
  '比较',
  '非常',
  '我们',
  '你们',
  '他们',
  '这个',
  '那个',
  '什么',
  '怎么',
  '没有',
  '不太',
  '不用',
  '经常',
  '以前',
  '时间',
  '之前',
  '现在',
  '真的',
  '很多',
  '多少',
]);

/** Small lexicon for comments whose tags say nothing: words that praise or complain. */
const PRAISE_WORDS = ['好吃', '新鲜', '实惠', '点赞', '丰富', '干净', '整洁', '辛苦', '满意', '喜欢', '不错', '很快', '态度'];
const COMPLAINT_WORDS = ['太咸', '太油', '油腻', '不够', '太长', '太贵', '凉了', '一般', '难吃', '不新鲜', '没有了', '偏少', '改进', '腻'];

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Theme words of a comment: the segmenter's words of two characters or more, without digits or
 * filler, and the tags and lexicon words it contains (ICU splits 太咸 into 太/咸), each once.
 */
export function commentKeywords(text: string, classes?: FeedbackTagClasses): string[] {
  const words = new Set<string>();
  const known = [...(classes?.praiseTags ?? []), ...(classes?.complaintTags ?? []), ...PRAISE_WORDS, ...COMPLAINT_WORDS];
  for (const word of known) if ([...word].length >= 2 && text.includes(word)) words.add(word);
  for (const part of segmenter.segment(text)) {
    const word = part.segment.trim();
    if (part.isWordLike && [...word].length >= 2 && !/\d/.test(word) && !STOP_WORDS.has(word)) words.add(word.toLowerCase());
  }
  return [...words];
}

/** Praise or complaint from the comment's tags (complaint first), else from the lexicon, else neutral. */
export function commentSentiment(row: Pick<CommentRow, 'tags' | 'comment'>, classes: FeedbackTagClasses): CommentSentiment {
  const kinds = row.tags.map((tag) => feedbackTagKind(tag, classes));
  if (kinds.includes('complaint')) return 'complaint';
  if (kinds.includes('praise')) return 'praise';
  if (COMPLAINT_WORDS.some((word) => row.comment.includes(word))) return 'complaint';
  if (PRAISE_WORDS.some((word) => row.comment.includes(word))) return 'praise';
  return 'neutral';
}

const TITLES = '师傅|经理|阿姨|老师|主任|先生|女士|小姐|同事|科长|处长|班长';
/** Characters before a title that are not a name: 食堂师傅, 窗口的师傅, 谢谢师傅. */
const NOT_SURNAME = '的堂口房菜位个这那们好厨谢是了和跟给向被让找问各请多老小大';

/**
 * A comment as it may be shown: personal values masked (@larder/common), then every number
 * (staff, card, window numbers), and the person a title names (张师傅 → *师傅, Mr Wang → Mr ***).
 */
export function maskComment(text: string): string {
  return maskPersonalText(text)
    .replace(/[A-Za-z]*\d[\dA-Za-z-]*/g, '***')
    .replace(new RegExp(`[\\u4e00-\\u9fa5](?=(?:${TITLES}))`, 'gu'), (char) => (NOT_SURNAME.includes(char) ? char : '*'))
    .replace(/\b(Mr|Mrs|Ms|Miss|Dr)\.? +[A-Z][a-z]+/g, '$1 ***');
}

interface Group {
  canteenId: number;
  dishId: number | null;
  /** The group's comments by released cell. */
  cells: Map<string, CommentRow[]>;
}

type Sentiments = Record<CommentSentiment, number>;
const noSentiment = (): Sentiments => ({ praise: 0, complaint: 0, neutral: 0 });

/**
 * Within one cell, a part of its commenters (those of a word, of a sentiment) may enter a sum
 * only as released-cells.calculator.ts releases a tag: five diners or more, and the rest of the
 * cell's commenters five or more, or none.
 */
const releasable = (part: number, all: number, threshold: number) => part >= threshold && (all - part === 0 || all - part >= threshold);

/**
 * Themes of the comments per canteen and per dish, summed over released cells as every union
 * figure is. Within a cell, the group's commenters count only when five diners or more wrote, and
 * a word or a sentiment only by the tag rule above; so two answers differ by whole released parts
 * of cells, never by a group under five, and a group of four shows nothing — no count, no comment.
 * Each published word shows one representative comment, masked: the one most diners wrote alike.
 */
export function commentThemes(rows: readonly CommentRow[], classes: FeedbackTagClasses, options: { threshold?: number; keywords?: number } = {}): CommentThemeGroup[] {
  const threshold = options.threshold ?? MIN_GROUP_DINERS;
  const groups = new Map<string, Group>();
  const add = (key: string, canteenId: number, dishId: number | null, row: CommentRow) => {
    const group = groups.get(key) ?? { canteenId, dishId, cells: new Map() };
    group.cells.set(row.cell, [...(group.cells.get(row.cell) ?? []), row]);
    groups.set(key, group);
  };
  for (const row of rows) {
    add(`${row.canteenId}|all`, row.canteenId, null, row);
    if (row.dishId !== 0) add(`${row.canteenId}|${row.dishId}`, row.canteenId, row.dishId, row);
  }
  const published: CommentThemeGroup[] = [];
  for (const group of groups.values()) {
    let diners = 0;
    let comments = 0;
    const sentiment = noSentiment();
    const byWord = new Map<string, { diners: number; mentions: number; sentiment: Sentiments; texts: Map<string, number> }>();
    for (const cellRows of group.cells.values()) {
      const commenters = new Set(cellRows.map((row) => row.diner)).size;
      if (commenters < threshold) continue;
      diners += commenters;
      comments += cellRows.length;
      const feelings = cellRows.map((row) => commentSentiment(row, classes));
      for (const kind of ['praise', 'complaint', 'neutral'] as const) {
        const own = cellRows.filter((_, index) => feelings[index] === kind);
        if (releasable(new Set(own.map((row) => row.diner)).size, commenters, threshold)) sentiment[kind] += own.length;
      }
      const words = new Map<string, number[]>();
      cellRows.forEach((row, index) => {
        for (const word of commentKeywords(row.comment, classes)) words.set(word, [...(words.get(word) ?? []), index]);
      });
      for (const [word, indexes] of words) {
        const writers = new Set(indexes.map((index) => cellRows[index].diner));
        if (!releasable(writers.size, commenters, threshold)) continue;
        const entry = byWord.get(word) ?? { diners: 0, mentions: 0, sentiment: noSentiment(), texts: new Map() };
        entry.diners += writers.size;
        entry.mentions += indexes.length;
        for (const index of indexes) {
          entry.sentiment[feelings[index]] += 1;
          const masked = maskComment(cellRows[index].comment);
          entry.texts.set(masked, (entry.texts.get(masked) ?? 0) + 1);
        }
        byWord.set(word, entry);
      }
    }
    if (diners < threshold) continue;
    const keywords = [...byWord]
      .map(([word, entry]) => ({
        word,
        sentiment: (['complaint', 'praise', 'neutral'] as const).reduce((best, kind) => (entry.sentiment[kind] > entry.sentiment[best] ? kind : best), 'complaint' as CommentSentiment),
        diners: entry.diners,
        mentions: entry.mentions,
        example: [...entry.texts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0][0],
      }))
      .sort((a, b) => b.diners - a.diners || b.mentions - a.mentions || (a.word < b.word ? -1 : 1))
      .slice(0, options.keywords ?? 8);
    const sentimentWithheld = comments - sentiment.praise - sentiment.complaint - sentiment.neutral;
    published.push({ canteenId: group.canteenId, dishId: group.dishId, diners, comments, sentiment, sentimentWithheld, keywords });
  }
  return published.sort((a, b) => a.canteenId - b.canteenId || (a.dishId ?? 0) - (b.dishId ?? 0));
}
