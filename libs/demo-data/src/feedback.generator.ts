import type { MealPeriod } from '@larder/domain';
import type { DemoFeedback, DemoTransaction, DishRow, SaleLineRow } from './demo-rows';
import { Random } from './random';

export const FEEDBACK_TAGS = [
  '太咸',
  '太油',
  '分量少',
  '价格贵',
  '排队久',
  '不新鲜',
  '菜凉了',
  '口味一般',
  '售罄了',
  '品种少',
  '好吃',
  '新鲜',
  '分量足',
  '实惠',
  '服务好',
  '上菜快',
  '品种多',
  '环境好',
] as const;
export type FeedbackTag = (typeof FEEDBACK_TAGS)[number];

const DISH_COMPLAINTS: FeedbackTag[] = ['太咸', '太油', '分量少', '价格贵', '不新鲜', '菜凉了', '口味一般'];
const DISH_PRAISE: FeedbackTag[] = ['好吃', '新鲜', '分量足', '实惠'];
const SERVICE_COMPLAINTS: FeedbackTag[] = ['排队久', '品种少', '价格贵'];
const SERVICE_PRAISE: FeedbackTag[] = ['服务好', '上菜快', '品种多', '环境好', '实惠'];

const COMMENTS: Record<FeedbackTag, string> = {
  太咸: '今天的{dish}太咸了，希望少放点盐。',
  太油: '{dish}油太大了，吃着有点腻。',
  分量少: '{dish}分量比以前少了，不太够吃。',
  价格贵: '价格有点贵，希望多安排些实惠的菜。',
  排队久: '中午排队时间太长，建议高峰期多开一个窗口。',
  不新鲜: '{dish}的食材感觉不太新鲜。',
  菜凉了: '打到的{dish}已经凉了。',
  口味一般: '{dish}口味一般，希望改进一下做法。',
  售罄了: '想吃的菜十二点多就没有了，能不能多准备一些？',
  品种少: '菜品种类偏少，希望多换换花样。',
  好吃: '{dish}很好吃，希望经常安排！',
  新鲜: '{dish}用料新鲜，点赞。',
  分量足: '{dish}分量很足，性价比高。',
  实惠: '价格实惠，食堂师傅辛苦了。',
  服务好: '窗口师傅态度很好。',
  上菜快: '出餐很快，不用等。',
  品种多: '今天菜品很丰富。',
  环境好: '就餐环境干净整洁。',
};

const FEEDBACK_PER_COVER = 0.004;
const SECONDS_TO_LOCAL_MIDNIGHT = 86_399;

/**
 * A few diners rate their meal in the bank app afterwards. Ratings follow the dish's quality, so unpopular
 * dishes collect the complaints; a sold-out dish brings its own tag.
 */
export function generateFeedback(params: {
  transactions: readonly DemoTransaction[];
  firstSale: number;
  sales: number;
  lineOfTransaction: (transactionIndex: number) => SaleLineRow | undefined;
  dishes: readonly DishRow[];
  quality: Float64Array;
  stockouts: number;
  meal: MealPeriod;
  localMidnightMs: number;
  random: Random;
  nextId: () => number;
  out: DemoFeedback[];
}): void {
  const { random, sales } = params;
  if (sales === 0) return;
  const count = random.poisson(sales * FEEDBACK_PER_COVER + Math.min(3, params.stockouts * 0.05));
  for (let k = 0; k < count; k++) {
    const index = params.firstSale + random.int(sales);
    const transaction = params.transactions[index];
    if (transaction.kind !== 'sale') continue;
    const line = params.lineOfTransaction(index);
    const aboutDish = line !== undefined && random.next() < 0.85;
    const dishIndex = aboutDish ? line.dishId - 1 : -1;
    const mean = aboutDish ? 3.6 + 1.1 * params.quality[dishIndex] : 3.2;
    const rating = Math.max(1, Math.min(5, Math.round(mean + 0.9 * random.normal())));
    const tags = pickTags({ rating, aboutDish, soldOut: params.stockouts > 0, random });
    const dishName = aboutDish ? params.dishes[dishIndex].name : '';
    const comment = tags.length > 0 && random.next() < 0.25 && (aboutDish || !COMMENTS[tags[0]].includes('{dish}')) ? COMMENTS[tags[0]].replace('{dish}', dishName) : null;
    const eatenAt = (transaction.occurredAt.getTime() - params.localMidnightMs) / 1000;
    const submittedSeconds = Math.min(SECONDS_TO_LOCAL_MIDNIGHT, Math.floor(eatenAt + 600 + random.int(4 * 3600)));
    params.out.push({
      canteenId: transaction.canteenId,
      id: params.nextId(),
      submittedAt: new Date(params.localMidnightMs + submittedSeconds * 1000),
      serviceDate: transaction.serviceDate,
      meal: params.meal,
      dishId: aboutDish ? dishIndex + 1 : null,
      rating,
      tags,
      comment,
      employeeNo: random.next() < 0.7 ? transaction.employeeNo : null,
    });
  }
}

function pickTags(params: { rating: number; aboutDish: boolean; soldOut: boolean; random: Random }): FeedbackTag[] {
  const { rating, aboutDish, soldOut, random } = params;
  const complaints = aboutDish ? DISH_COMPLAINTS : SERVICE_COMPLAINTS;
  const praise = aboutDish ? DISH_PRAISE : SERVICE_PRAISE;
  let pool: FeedbackTag[];
  let count: number;
  if (rating <= 2) {
    pool = complaints;
    count = 1 + random.int(2);
  } else if (rating === 3) {
    pool = complaints;
    count = random.int(2);
  } else {
    pool = praise;
    count = random.next() < 0.8 ? 1 + random.int(2) : 0;
  }
  const tags: FeedbackTag[] = [];
  if (soldOut && rating <= 3 && random.next() < 0.4) tags.push('售罄了');
  for (let i = 0; i < count; i++) {
    const tag = pool[random.int(pool.length)];
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
