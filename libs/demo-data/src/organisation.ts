import type { MealPeriod } from '@larder/domain';
import type { CanteenRow, MealPeriodRow, SiteRow } from './demo-rows';
import { Random } from './random';

export type SiteKind = 'headquarters' | 'depot' | 'office' | 'remote';

interface CanteenTemplate {
  code: string;
  name: string;
  nameEn: string;
  seats: number;
  terminals: number;
  opensWeekends: boolean;
  meals: MealPeriod[];
  site: { name: string; nameEn: string; kind: SiteKind; share: number };
}

const BLD: MealPeriod[] = ['breakfast', 'lunch', 'dinner'];

const CANTEEN_TEMPLATES: CanteenTemplate[] = [
  {
    code: 'C01',
    name: '总部机关食堂',
    nameEn: 'Headquarters Staff Canteen',
    seats: 600,
    terminals: 8,
    opensWeekends: false,
    meals: BLD,
    site: { name: '总部大楼', nameEn: 'Headquarters Building', kind: 'headquarters', share: 0.19 },
  },
  {
    code: 'C02',
    name: '北郊车辆段食堂',
    nameEn: 'Beijiao Depot Canteen',
    seats: 400,
    terminals: 6,
    opensWeekends: true,
    meals: [...BLD, 'night'],
    site: { name: '北郊车辆段', nameEn: 'Beijiao Rolling Stock Depot', kind: 'depot', share: 0.16 },
  },
  {
    code: 'C03',
    name: '南湖停车场食堂',
    nameEn: 'Nanhu Stabling Yard Canteen',
    seats: 300,
    terminals: 4,
    opensWeekends: false,
    meals: BLD,
    site: { name: '南湖停车场', nameEn: 'Nanhu Stabling Yard', kind: 'depot', share: 0.11 },
  },
  {
    code: 'C04',
    name: '运营控制中心食堂',
    nameEn: 'Operations Control Centre Canteen',
    seats: 200,
    terminals: 3,
    opensWeekends: false,
    meals: BLD,
    site: { name: '运营控制中心', nameEn: 'Operations Control Centre', kind: 'office', share: 0.09 },
  },
  {
    code: 'C05',
    name: '东区车辆段食堂',
    nameEn: 'Dongqu Depot Canteen',
    seats: 300,
    terminals: 4,
    opensWeekends: false,
    meals: BLD,
    site: { name: '东区车辆段', nameEn: 'Dongqu Rolling Stock Depot', kind: 'depot', share: 0.08 },
  },
  {
    code: 'C06',
    name: '维修基地食堂',
    nameEn: 'Maintenance Base Canteen',
    seats: 250,
    terminals: 3,
    opensWeekends: false,
    meals: BLD,
    site: { name: '综合维修基地', nameEn: 'Maintenance Base', kind: 'depot', share: 0.07 },
  },
];

/** Station and substation staff: most of the workforce, who rarely get to a canteen. */
const REMOTE_SITES = [
  { name: '1号线、2号线各车站', nameEn: 'Line 1 and Line 2 stations', share: 0.28, preferredCanteen: 1 },
  { name: '3号线车站及主变电所', nameEn: 'Line 3 stations and substations', share: 0.17, preferredCanteen: 2 },
];

export const MEAL_WINDOWS: Record<MealPeriod, { startsAt: string; endsAt: string }> = {
  breakfast: { startsAt: '07:00:00', endsAt: '09:00:00' },
  lunch: { startsAt: '11:00:00', endsAt: '13:30:00' },
  dinner: { startsAt: '17:00:00', endsAt: '19:30:00' },
  night: { startsAt: '22:00:00', endsAt: '01:00:00' },
};

export interface SiteModel {
  row: SiteRow;
  kind: SiteKind;
  /** Index into the canteen list of the canteen the site's staff eat at. */
  canteenIndex: number;
  /** Staff at the end of the history; employee indices firstEmployee .. firstEmployee + employees - 1. */
  employees: number;
  firstEmployee: number;
}

export interface CanteenModel {
  row: CanteenRow;
  meals: MealPeriod[];
  terminals: string[];
  /** Large canteens offer more choice. */
  size: 'large' | 'medium' | 'small';
}

export interface Organisation {
  sites: SiteModel[];
  canteens: CanteenModel[];
  mealPeriods: MealPeriodRow[];
  staff: StaffRegister;
}

/** Per-employee attributes in typed arrays: the sales loop reads them millions of times. */
export interface StaffRegister {
  count: number;
  site: Uint8Array;
  /** Probability weight to eat each meal when on site, indexed [meal * count + employee]. */
  propensity: Float32Array;
  /** Running sums of propensity per meal, indexed [meal * (count + 1) + employee], for expected covers in O(1). */
  propensityPrefix: Float64Array;
  /** Below the bank app's adoption level on a day, the employee pays with the app. */
  appAffinity: Float32Array;
  cardNo: string[];
  employeeNo: string[];
}

export const MEAL_INDEX: Record<MealPeriod, number> = { breakfast: 0, lunch: 1, dinner: 2, night: 3 };

const BASE_RATE: Record<SiteKind, [number, number, number, number]> = {
  headquarters: [0.16, 0.47, 0.085, 0],
  depot: [0.19, 0.46, 0.1, 0.045],
  office: [0.15, 0.46, 0.085, 0],
  remote: [0.19, 0.46, 0.085, 0.045],
};

export function buildOrganisation(params: { canteens: number; employees: number; random: Random }): Organisation {
  const { random } = params;
  const templates = CANTEEN_TEMPLATES.slice(0, params.canteens);
  const siteDrafts = [
    ...templates.map((template, index) => ({ ...template.site, canteenIndex: index })),
    ...REMOTE_SITES.map((site) => ({
      name: site.name,
      nameEn: site.nameEn,
      kind: 'remote' as SiteKind,
      share: site.share,
      canteenIndex: Math.min(site.preferredCanteen, templates.length - 1),
    })),
  ];
  const totalShare = siteDrafts.reduce((sum, site) => sum + site.share, 0);
  let assigned = 0;
  const sites: SiteModel[] = siteDrafts.map((draft, index) => {
    const isLast = index === siteDrafts.length - 1;
    const employees = isLast ? params.employees - assigned : Math.round((params.employees * draft.share) / totalShare);
    const site: SiteModel = {
      row: { id: index + 1, code: `S${String(index + 1).padStart(2, '0')}`, name: draft.name, nameEn: draft.nameEn },
      kind: draft.kind,
      canteenIndex: draft.canteenIndex,
      employees,
      firstEmployee: assigned,
    };
    assigned += employees;
    return site;
  });

  const canteens: CanteenModel[] = templates.map((template, index) => ({
    row: {
      id: index + 1,
      code: template.code,
      name: template.name,
      nameEn: template.nameEn,
      siteId: index + 1,
      timezone: 'Asia/Shanghai',
      seats: template.seats,
      opensWeekends: template.opensWeekends,
    },
    meals: template.meals,
    terminals: Array.from({ length: template.terminals }, (_, t) => `W${String(t + 1).padStart(2, '0')}`),
    size: template.seats >= 500 ? 'large' : template.seats >= 300 ? 'medium' : 'small',
  }));
  const mealPeriods = canteens.flatMap((canteen) => canteen.meals.map((meal) => ({ canteenId: canteen.row.id, meal, ...MEAL_WINDOWS[meal] })));
  return { sites, canteens, mealPeriods, staff: buildStaff({ sites, random }) };
}

function buildStaff(params: { sites: SiteModel[]; random: Random }): StaffRegister {
  const { sites, random } = params;
  const count = sites.reduce((sum, site) => sum + site.employees, 0);
  const site = new Uint8Array(count);
  const propensity = new Float32Array(count * 4);
  const appAffinity = new Float32Array(count);
  const cardNo: string[] = new Array(count);
  const employeeNo: string[] = new Array(count);
  // Card numbers are issued in no particular order relative to staff numbers.
  const cardOffset = 12_345 + random.int(50_000);
  const cardStride = 7_919;
  for (const siteModel of sites) {
    const rates = BASE_RATE[siteModel.kind];
    for (let e = siteModel.firstEmployee; e < siteModel.firstEmployee + siteModel.employees; e++) {
      site[e] = siteModel.row.id - 1;
      // Some staff eat at the canteen every day, others almost never.
      const habit = random.next();
      const regularity = habit < 0.25 ? 1.45 : habit < 0.7 ? 1.0 : 0.35;
      for (let meal = 0; meal < 4; meal++) {
        const personal = regularity * Math.exp(0.3 * random.normal());
        propensity[meal * count + e] = Math.min(0.97, rates[meal] * personal);
      }
      appAffinity[e] = random.next();
      employeeNo[e] = `E${String(e + 1).padStart(5, '0')}`;
      cardNo[e] = `886${String((cardOffset + e * cardStride) % 10_000_000).padStart(7, '0')}`;
    }
  }
  const propensityPrefix = new Float64Array(4 * (count + 1));
  for (let meal = 0; meal < 4; meal++) {
    for (let e = 0; e < count; e++) {
      propensityPrefix[meal * (count + 1) + e + 1] = propensityPrefix[meal * (count + 1) + e] + propensity[meal * count + e];
    }
  }
  return { count, site, propensity, propensityPrefix, appAffinity, cardNo, employeeNo };
}
