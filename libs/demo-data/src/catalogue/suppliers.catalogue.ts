import { addDays, daysBetween, IsoDate } from '@larder/domain';
import type { IngredientRow, SupplierItemRow, SupplierPriceRow, SupplierRow } from '../demo-rows';
import { Random } from '../random';
import type { IngredientSpec, SupplyGroup } from './ingredients.catalogue';

interface SupplierSpec {
  name: string;
  nameEn: string;
  contact: string | null;
  /** Groups the supplier is the main source for. */
  primary: SupplyGroup[];
  /** Groups it can also deliver, as a second source for part of the range. */
  secondary: SupplyGroup[];
  leadTimeDays: number;
  deliveryWeekdays: number[];
  orderCutoff: string;
  /** Price level against the market: a wholesaler is cheaper but wants bigger orders. */
  priceFactor: number;
  minOrderPacks: number;
}

const DAILY = [1, 2, 3, 4, 5, 6];

const SUPPLIERS: SupplierSpec[] = [
  {
    name: '城东蔬菜配送有限公司',
    nameEn: 'Chengdong Vegetable Distribution Co.',
    contact: '销售部 刘经理',
    primary: ['vegetable', 'fruit'],
    secondary: [],
    leadTimeDays: 1,
    deliveryWeekdays: DAILY,
    orderCutoff: '16:00',
    priceFactor: 1.05,
    minOrderPacks: 1,
  },
  {
    name: '绿源农产品专业合作社',
    nameEn: 'Lvyuan Farm Produce Cooperative',
    contact: '合作社 陈主任',
    primary: [],
    secondary: ['vegetable'],
    leadTimeDays: 2,
    deliveryWeekdays: [1, 3, 5],
    orderCutoff: '12:00',
    priceFactor: 0.92,
    minOrderPacks: 4,
  },
  {
    name: '金丰肉类食品有限公司',
    nameEn: 'Jinfeng Meat Foods Co.',
    contact: '客户经理 王先生',
    primary: ['pork', 'beef_lamb'],
    secondary: [],
    leadTimeDays: 1,
    deliveryWeekdays: DAILY,
    orderCutoff: '15:00',
    priceFactor: 1.0,
    minOrderPacks: 1,
  },
  {
    name: '禽旺禽蛋批发部',
    nameEn: 'Qinwang Poultry & Eggs Wholesale',
    contact: null,
    primary: ['poultry', 'egg'],
    secondary: [],
    leadTimeDays: 1,
    deliveryWeekdays: DAILY,
    orderCutoff: '15:00',
    priceFactor: 1.0,
    minOrderPacks: 1,
  },
  {
    name: '海港水产批发市场经营部',
    nameEn: 'Harbour Aquatic Products Wholesale',
    contact: '水产部 林女士',
    primary: ['aquatic'],
    secondary: [],
    leadTimeDays: 1,
    deliveryWeekdays: [1, 2, 3, 4, 5],
    orderCutoff: '14:00',
    priceFactor: 1.02,
    minOrderPacks: 1,
  },
  {
    name: '五谷丰粮油贸易有限公司',
    nameEn: 'Wugufeng Grain & Oil Trading Co.',
    contact: '业务部 赵经理',
    primary: ['grain_oil'],
    secondary: [],
    leadTimeDays: 2,
    deliveryWeekdays: [2, 4],
    orderCutoff: '17:00',
    priceFactor: 1.0,
    minOrderPacks: 2,
  },
  {
    name: '百味调味品商行',
    nameEn: 'Baiwei Seasonings Trading',
    contact: '店长 孙先生',
    primary: ['seasoning'],
    secondary: [],
    leadTimeDays: 3,
    deliveryWeekdays: [2, 5],
    orderCutoff: '17:00',
    priceFactor: 1.0,
    minOrderPacks: 1,
  },
  {
    name: '山珍干货行',
    nameEn: 'Shanzhen Dry Goods',
    contact: null,
    primary: ['dry_goods'],
    secondary: [],
    leadTimeDays: 3,
    deliveryWeekdays: [3],
    orderCutoff: '12:00',
    priceFactor: 1.0,
    minOrderPacks: 1,
  },
  {
    name: '晨光乳业配送中心',
    nameEn: 'Chenguang Dairy Distribution Centre',
    contact: '配送中心 周女士',
    primary: ['dairy', 'beverage'],
    secondary: [],
    leadTimeDays: 1,
    deliveryWeekdays: [1, 3, 5],
    orderCutoff: '14:00',
    priceFactor: 1.0,
    minOrderPacks: 2,
  },
  {
    name: '豆香园豆制品厂',
    nameEn: 'Douxiangyuan Tofu Works',
    contact: '厂办 吴师傅',
    primary: ['soy'],
    secondary: [],
    leadTimeDays: 1,
    deliveryWeekdays: DAILY,
    orderCutoff: '18:00',
    priceFactor: 1.0,
    minOrderPacks: 1,
  },
  {
    name: '冰鲜达冷冻食品有限公司',
    nameEn: 'Bingxianda Frozen Foods Co.',
    contact: '冷链部 郑经理',
    primary: ['frozen'],
    secondary: ['aquatic'],
    leadTimeDays: 2,
    deliveryWeekdays: [1, 4],
    orderCutoff: '16:00',
    priceFactor: 0.97,
    minOrderPacks: 2,
  },
  {
    name: '惠民综合批发商行',
    nameEn: 'Huimin General Wholesale',
    contact: '批发部 钱老板',
    primary: [],
    secondary: ['grain_oil', 'seasoning', 'dry_goods', 'egg', 'fruit', 'beverage', 'frozen'],
    leadTimeDays: 2,
    deliveryWeekdays: [1, 3, 5],
    orderCutoff: '16:00',
    priceFactor: 0.95,
    minOrderPacks: 3,
  },
];

/** Where each supplier is, in SUPPLIERS' order: printed on its purchase orders with a landline number. */
const ADDRESSES = [
  '上海市浦东新区川沙路 1288 号',
  '上海市奉贤区金汇镇光明路 66 号',
  '上海市闵行区浦江镇江月路 2100 号',
  '上海市嘉定区曹安公路 4588 号',
  '上海市杨浦区军工路 2000 号',
  '上海市宝山区铁力路 805 号',
  '上海市普陀区真北路 1108 号',
  '上海市静安区共和新路 3201 号',
  '上海市松江区九亭镇沪亭北路 99 号',
  '上海市青浦区华新镇华腾路 1500 号',
  '上海市浦东新区康桥路 787 号',
  '上海市徐汇区龙吴路 1555 号',
];

export function buildSuppliers(): SupplierRow[] {
  return SUPPLIERS.map((spec, index) => ({
    id: index + 1,
    code: `SUP${String(index + 1).padStart(2, '0')}`,
    name: spec.name,
    nameEn: spec.nameEn,
    contact: spec.contact,
    address: ADDRESSES[index] ?? null,
    phone: `021-6${String(6180 + index * 7).padStart(4, '0')} ${String(2001 + index * 113).padStart(4, '0')}`,
  }));
}

export interface SupplierCatalogue {
  items: SupplierItemRow[];
  prices: SupplierPriceRow[];
}

/** Every ingredient gets its main supplier; about a third also get a second source with other terms. */
export function buildSupplierCatalogue(params: { ingredients: readonly IngredientRow[]; specs: readonly IngredientSpec[]; from: IsoDate; to: IsoDate; random: Random }): SupplierCatalogue {
  const { ingredients, specs, random } = params;
  const items: SupplierItemRow[] = [];
  const itemSpecs: Array<{ supplier: SupplierSpec; ingredient: IngredientSpec }> = [];
  ingredients.forEach((ingredient, index) => {
    const spec = specs[index];
    const sources = SUPPLIERS.map((supplier, supplierIndex) => ({ supplier, supplierIndex }));
    const primary = sources.find(({ supplier }) => supplier.primary.includes(spec.group));
    if (!primary) throw new Error(`no supplier carries ${spec.group}`);
    const secondary = sources.filter(({ supplier }) => supplier.secondary.includes(spec.group));
    const chosen = [primary];
    if (secondary.length > 0 && random.chance(0.4)) chosen.push(random.pick(secondary));
    for (const { supplier, supplierIndex } of chosen) {
      const id = items.length + 1;
      items.push({
        id,
        supplierId: supplierIndex + 1,
        ingredientId: ingredient.id,
        sku: `${String(supplierIndex + 1).padStart(2, '0')}-${ingredient.code}`,
        packSize: packSizeFor(spec, supplier),
        minOrderPacks: supplier.minOrderPacks,
        leadTimeDays: supplier.leadTimeDays,
        deliveryWeekdays: supplier.deliveryWeekdays,
        orderCutoff: supplier.orderCutoff,
      });
      itemSpecs.push({ supplier, ingredient: spec });
    }
  });
  const prices = items.flatMap((item, index) => priceHistory({ item, ...itemSpecs[index], from: params.from, to: params.to, random }));
  return { items, prices };
}

function packSizeFor(spec: IngredientSpec, supplier: SupplierSpec): number {
  const bulk = supplier.priceFactor < 0.96;
  if (spec.unit === 'piece') return spec.group === 'egg' ? 360 : bulk ? 200 : 100;
  if (spec.unit === 'l') return spec.group === 'grain_oil' ? 20 : 5;
  if (spec.priceFen >= 5000) return 1;
  if (spec.group === 'grain_oil' && spec.shelfLifeDays > 100) return 25;
  if (spec.group === 'vegetable' || spec.group === 'fruit') return bulk ? 20 : 10;
  if (spec.group === 'seasoning' || spec.group === 'dry_goods') return bulk ? 10 : 5;
  return bulk ? 20 : 10;
}

/**
 * Monthly market index per supply group. Pork follows the pig cycle (猪周期) with swings of a third,
 * vegetables are dear in winter and cheap in summer, staples move once a year.
 */
function marketIndex(params: { group: SupplyGroup; monthsFromStart: number; calendarMonth: number }): number {
  const { group, monthsFromStart, calendarMonth } = params;
  switch (group) {
    case 'pork':
      return 1 + 0.28 * Math.sin((2 * Math.PI * monthsFromStart) / 16 + 0.6);
    case 'vegetable':
    case 'fruit':
      return 1 + 0.16 * Math.cos((2 * Math.PI * (calendarMonth - 1)) / 12);
    case 'beef_lamb':
    case 'poultry':
    case 'aquatic':
    case 'egg':
      return 1 + (0.05 * Math.floor(monthsFromStart / 4) * (group === 'egg' ? -0.4 : 1)) / 3;
    default:
      return 1 + 0.04 * Math.floor(monthsFromStart / 12);
  }
}

function priceHistory(params: { item: SupplierItemRow; supplier: SupplierSpec; ingredient: IngredientSpec; from: IsoDate; to: IsoDate; random: Random }): SupplierPriceRow[] {
  const { item, supplier, ingredient, from, to, random } = params;
  const basePack = ingredient.priceFen * item.packSize * supplier.priceFactor * random.between(0.95, 1.05);
  const rows: SupplierPriceRow[] = [];
  let lastPrice = 0;
  let monthStart = from;
  for (let month = 0; monthStart <= to; month++) {
    const calendarMonth = Number(monthStart.slice(5, 7));
    const noise = ingredient.group === 'vegetable' || ingredient.group === 'pork' ? random.between(-0.04, 0.04) : 0;
    const price = Math.max(1, Math.round(basePack * (marketIndex({ group: ingredient.group, monthsFromStart: month, calendarMonth }) + noise)));
    // Suppliers only send a new price list when the change is worth the paperwork.
    if (lastPrice === 0 || Math.abs(price - lastPrice) / lastPrice >= 0.03) {
      rows.push({ supplierItemId: item.id, validFrom: monthStart, packPriceFen: price });
      lastPrice = price;
    }
    monthStart = firstOfNextMonth(monthStart);
  }
  return rows;
}

function firstOfNextMonth(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return daysBetween(date, next) > 0 ? next : addDays(date, 1);
}
