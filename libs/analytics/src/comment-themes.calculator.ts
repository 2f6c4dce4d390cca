import { maskPersonalText } from '@larder/common';
import type { CommentSentiment, CommentThemeGroup } from './dashboard/dashboard.contract';
import type { FeedbackTagClasses } from './feedback-tag.calculator';
import { feedbackTagKind } from './feedback-tag.calculator';
import { MIN_GROUP_DINERS } from './satisfaction.calculator';

/** One comment of a released cell: who wrote it is only a pseudonym (or the answer's own id when anonymous). */
export interface CommentRow {
  canteenId: number;
  /** 0 for a comment about no dish. */
  dishId: number;
  diner: string;
  tags: readonly string[];
  comment: string;
}

/** Words that carry no theme: function words and the filler of feedback. */
const STOP_WORDS = new Set([
  '今天', '昨天', '明天', '希望', '建议', '一个', '一些', '一下', '有点', '感觉', '能不能', '不能', '可以', '还是', '就是', '已经', '比较', '非常',
  '我们', '你们', '他们', '这个', '那个', '什么', '怎么', '没有', '不太', '不用', '经常', '以前', '时间', '之前', '现在', '真的', '很多', '多少',
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
  rows: CommentRow[];
}

/**
 * Themes of the comments per canteen and per dish. A group (and within it a keyword) is published
 * only when at least `threshold` distinct diners stand behind it; below that nothing of it leaves,
 * neither a count nor a comment. Each published keyword shows one representative comment, masked:
 * the one most diners wrote alike.
 */
export function commentThemes(rows: readonly CommentRow[], classes: FeedbackTagClasses, options: { threshold?: number; keywords?: number } = {}): CommentThemeGroup[] {
  const threshold = options.threshold ?? MIN_GROUP_DINERS;
  const groups = new Map<string, Group>();
  const add = (key: string, canteenId: number, dishId: number | null, row: CommentRow) => {
    const group = groups.get(key) ?? { canteenId, dishId, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  };
  for (const row of rows) {
    add(`${row.canteenId}|all`, row.canteenId, null, row);
    if (row.dishId !== 0) add(`${row.canteenId}|${row.dishId}`, row.canteenId, row.dishId, row);
  }
  const published: CommentThemeGroup[] = [];
  for (const group of groups.values()) {
    const diners = new Set(group.rows.map((row) => row.diner)).size;
    if (diners < threshold) continue;
    const sentiment = { praise: 0, complaint: 0, neutral: 0 };
    const byWord = new Map<string, { diners: Set<string>; mentions: number; sentiment: Record<CommentSentiment, number>; texts: Map<string, Set<string>> }>();
    for (const row of group.rows) {
      const feeling = commentSentiment(row, classes);
      sentiment[feeling] += 1;
      const masked = maskComment(row.comment);
      for (const word of commentKeywords(row.comment, classes)) {
        const entry = byWord.get(word) ?? { diners: new Set(), mentions: 0, sentiment: { praise: 0, complaint: 0, neutral: 0 }, texts: new Map() };
        entry.diners.add(row.diner);
        entry.mentions += 1;
        entry.sentiment[feeling] += 1;
        entry.texts.set(masked, (entry.texts.get(masked) ?? new Set()).add(row.diner));
        byWord.set(word, entry);
      }
    }
    const keywords = [...byWord]
      .filter(([, entry]) => entry.diners.size >= threshold)
      .map(([word, entry]) => ({
        word,
        sentiment: (['complaint', 'praise', 'neutral'] as const).reduce((best, kind) => (entry.sentiment[kind] > entry.sentiment[best] ? kind : best), 'complaint' as CommentSentiment),
        diners: entry.diners.size,
        mentions: entry.mentions,
        example: [...entry.texts].sort((a, b) => b[1].size - a[1].size || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0][0],
      }))
      .sort((a, b) => b.diners - a.diners || b.mentions - a.mentions || (a.word < b.word ? -1 : 1))
      .slice(0, options.keywords ?? 8);
    published.push({ canteenId: group.canteenId, dishId: group.dishId, diners, comments: group.rows.length, sentiment, keywords });
  }
  return published.sort((a, b) => a.canteenId - b.canteenId || (a.dishId ?? 0) - (b.dishId ?? 0));
}
