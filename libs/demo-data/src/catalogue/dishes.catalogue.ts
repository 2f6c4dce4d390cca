import type { DishCategory, MealPeriod } from '@larder/domain';

/**
 * Mains come with free rice or are complete plates (盖饭, 面, 套餐), which is why most card payments carry
 * a single line; extras (soup, drinks, sides, eggs) are the occasional second line.
 */
export type DishRole = 'main' | 'extra';

export interface DishSpec {
  name: string;
  nameEn: string;
  category: DishCategory;
  listPriceFen: number;
  portionKg: number;
  meals: readonly MealPeriod[];
  role: DishRole;
  /** Relative pull when on the menu; unpopular dishes also draw worse feedback. */
  popularity: number;
  /** Sold by the piece: diners take one to three. */
  byPiece: boolean;
  season: 'summer' | 'winter' | null;
  /** Position in the history (0..1) where the dish joins or leaves the menus; null = always there. */
  introducedAt: number | null;
  retiredAt: number | null;
  /** "ingredient_key quantity[/yieldLoss], ..." with quantity per served portion in the ingredient's unit. */
  recipe: string;
}

const B: MealPeriod[] = ['breakfast'];
const BN: MealPeriod[] = ['breakfast', 'night'];
const L: MealPeriod[] = ['lunch'];
const D: MealPeriod[] = ['dinner'];
const LD: MealPeriod[] = ['lunch', 'dinner'];
const LDN: MealPeriod[] = ['lunch', 'dinner', 'night'];
const DN: MealPeriod[] = ['dinner', 'night'];

type Row = [
  name: string,
  nameEn: string,
  category: DishCategory,
  yuan: number,
  portionKg: number,
  meals: MealPeriod[],
  role: DishRole,
  popularity: number,
  recipe: string,
  extra?: Partial<Pick<DishSpec, 'byPiece' | 'season' | 'introducedAt' | 'retiredAt'>>,
];

const ROWS: Row[] = [
  ['鲜肉包', 'Steamed pork bun', 'breakfast', 1.5, 0.08, B, 'main', 1.3, 'flour 0.04, minced_pork 0.025/0.05, scallion 0.002/0.1, ginger 0.001/0.2, soy_light 0.002', { byPiece: true }],
  ['菜包', 'Steamed vegetable bun', 'breakfast', 1.2, 0.08, B, 'main', 0.8, 'flour 0.04, bok_choy 0.03/0.15, dried_shiitake 0.002, tofu_puff 0.005', { byPiece: true }],
  ['油条', 'Youtiao fried dough stick', 'breakfast', 1.5, 0.07, B, 'main', 1.0, 'youtiao_frozen 1, soybean_oil 0.01', { byPiece: true }],
  ['煎饼果子', 'Jianbing crepe with egg', 'breakfast', 6, 0.25, B, 'main', 1.1, 'flour 0.06, corn_flour 0.02, egg 1, sweet_bean_sauce 0.01, scallion 0.005/0.1, cilantro 0.003/0.2'],
  ['小笼包', 'Xiaolongbao (basket of six)', 'breakfast', 8, 0.2, B, 'main', 0.9, 'xiaolongbao_frozen 6, vinegar 0.01, ginger 0.003/0.2'],
  ['鸡蛋灌饼', 'Egg-filled pancake', 'breakfast', 5, 0.2, B, 'main', 0.9, 'flour 0.08, egg 1, lettuce 0.02/0.2, sweet_bean_sauce 0.01, soybean_oil 0.01'],
  ['鲜肉馄饨', 'Pork wonton soup', 'noodle', 8, 0.35, BN, 'main', 0.9, 'wonton_wrapper 0.05, minced_pork 0.06/0.05, seaweed 0.002, dried_shrimp 0.003, scallion 0.005/0.1'],
  ['热干面', 'Wuhan hot dry noodles', 'noodle', 7, 0.3, B, 'main', 0.8, 'noodles_fresh 0.18, sesame_paste 0.02, pickled_mustard_tuber 0.01, scallion 0.005/0.1, chili_oil 0.005'],
  ['花卷', 'Steamed scallion roll', 'staple', 1, 0.08, B, 'main', 0.6, 'flour 0.05, scallion 0.003/0.1, soybean_oil 0.002', { byPiece: true }],
  ['糯米烧卖', 'Glutinous rice shaomai (four)', 'breakfast', 6, 0.18, B, 'main', 0.7, 'shaomai_frozen 4, vinegar 0.005'],
  ['豆浆', 'Soy milk', 'drink', 1.5, 0.3, BN, 'extra', 1.3, 'soy_milk 0.3, sugar 0.01'],
  ['白粥', 'Plain rice congee', 'breakfast', 1, 0.3, B, 'extra', 0.9, 'rice 0.04, pickled_mustard_tuber 0.01'],
  ['小米粥', 'Millet congee', 'breakfast', 1.5, 0.3, B, 'extra', 0.8, 'millet 0.04, red_date 0.005'],
  ['茶叶蛋', 'Tea egg', 'breakfast', 1.5, 0.06, B, 'extra', 1.2, 'egg 1, tea_leaves 0.001, star_anise 0.0005, soy_dark 0.003', { byPiece: true }],
  ['热牛奶', 'Hot milk', 'drink', 3, 0.25, B, 'extra', 0.6, 'milk 0.25, sugar 0.005'],
  ['红烧肉', 'Red-braised pork belly', 'meat', 16, 0.4, LD, 'main', 1.5, 'pork_belly 0.15/0.25, rice 0.1, soy_dark 0.01, rock_sugar 0.01, ginger 0.003/0.2, cooking_wine 0.005'],
  ['宫保鸡丁', 'Kung pao chicken', 'meat', 14, 0.4, LD, 'main', 1.4, 'chicken_thigh 0.12, peanut 0.02, cucumber 0.04/0.1, dried_chili 0.003, rice 0.1, sichuan_pepper 0.001'],
  ['鱼香肉丝', 'Yuxiang shredded pork', 'meat', 13, 0.4, LD, 'main', 1.3, 'pork_loin 0.1/0.15, wood_ear 0.005, carrot 0.04, green_pepper 0.03, doubanjiang 0.01, rice 0.1'],
  ['糖醋里脊', 'Sweet and sour pork', 'meat', 16, 0.38, LD, 'main', 1.2, 'pork_loin 0.13/0.15, starch 0.03, ketchup 0.02, sugar 0.015, vinegar 0.01, rice 0.1'],
  ['回锅肉', 'Twice-cooked pork', 'meat', 15, 0.4, LD, 'main', 1.1, 'pork_hind 0.13, garlic_sprout 0.06/0.1, doubanjiang 0.012, sweet_bean_sauce 0.005, rice 0.1'],
  ['青椒肉丝', 'Shredded pork with green pepper', 'meat', 12, 0.4, LD, 'main', 1.0, 'pork_loin 0.09/0.15, green_pepper 0.1, soy_light 0.008, rice 0.1'],
  ['土豆烧牛肉', 'Beef stewed with potato', 'meat', 19, 0.42, LD, 'main', 1.2, 'beef_brisket 0.12/0.35, potato 0.12, carrot 0.03, star_anise 0.0005, rice 0.1'],
  ['黄焖鸡', 'Braised chicken with mushrooms', 'meat', 17, 0.45, LD, 'main', 1.3, 'chicken_thigh 0.16, mushroom_fresh 0.03/0.1, green_pepper 0.03, soy_light 0.01, rice 0.1'],
  ['可乐鸡翅', 'Cola chicken wings', 'meat', 17, 0.35, LD, 'main', 1.1, 'chicken_wing 0.18/0.1, sugar 0.01, soy_light 0.01, ginger 0.003/0.2, rice 0.1'],
  ['梅菜扣肉', 'Pork belly with preserved greens', 'meat', 18, 0.4, L, 'main', 0.8, 'pork_belly 0.14/0.25, preserved_greens 0.02, soy_dark 0.008, sugar 0.008, rice 0.1', { season: 'winter' }],
  ['清蒸鲈鱼', 'Steamed sea bass', 'fish', 22, 0.4, L, 'main', 0.8, 'sea_bass 0.3/0.45, ginger 0.005/0.2, scallion 0.008/0.1, soy_light 0.012, rice 0.1'],
  ['红烧带鱼', 'Braised hairtail', 'fish', 18, 0.38, LD, 'main', 0.7, 'hairtail 0.18/0.25, soy_dark 0.008, sugar 0.008, garlic 0.005, rice 0.1'],
  ['酸菜鱼', 'Fish with pickled mustard greens', 'fish', 20, 0.5, LD, 'main', 1.3, 'grass_carp 0.25/0.45, mustard_pickled 0.06, dried_chili 0.003, sichuan_pepper 0.001, soybean_oil 0.02, rice 0.1'],
  ['油焖大虾', 'Braised prawns', 'fish', 26, 0.35, L, 'main', 0.6, 'prawn 0.18/0.3, ketchup 0.01, sugar 0.008, scallion 0.005/0.1, rice 0.1'],
  ['番茄炒蛋', 'Tomato and scrambled eggs', 'vegetable', 8, 0.38, LD, 'main', 1.4, 'tomato 0.15/0.08, egg 2, sugar 0.006, soybean_oil 0.015, rice 0.1'],
  ['麻婆豆腐', 'Mapo tofu', 'vegetable', 8, 0.4, LD, 'main', 1.0, 'tofu 0.2, minced_pork 0.03/0.05, doubanjiang 0.012, sichuan_pepper 0.001, rice 0.1'],
  ['地三鲜', 'Potato, eggplant and pepper stir-fry', 'vegetable', 9, 0.4, LD, 'main', 0.8, 'potato 0.08, eggplant 0.1/0.1, green_pepper 0.05, soybean_oil 0.03, rice 0.1'],
  ['鱼香茄子', 'Yuxiang eggplant', 'vegetable', 9, 0.4, LD, 'main', 0.8, 'eggplant 0.2/0.1, minced_pork 0.02/0.05, doubanjiang 0.01, vinegar 0.006, rice 0.1'],
  ['干煸四季豆', 'Dry-fried green beans', 'vegetable', 9, 0.35, LD, 'main', 0.7, 'green_bean 0.2/0.1, minced_pork 0.02/0.05, dried_chili 0.002, pickled_mustard_tuber 0.01, rice 0.1'],
  ['红烧牛肉面', 'Braised beef noodle soup', 'noodle', 15, 0.55, LDN, 'main', 1.3, 'noodles_fresh 0.2, beef_shank 0.06/0.35, bok_choy 0.03/0.1, chili_oil 0.005, star_anise 0.0005'],
  ['老北京炸酱面', 'Beijing zhajiang noodles', 'noodle', 12, 0.5, LD, 'main', 0.9, 'noodles_fresh 0.2, minced_pork 0.05/0.05, sweet_bean_sauce 0.02, cucumber 0.04/0.1, bean_sprout 0.03/0.05'],
  ['扬州炒饭', 'Yangzhou fried rice', 'staple', 11, 0.4, LDN, 'main', 1.0, 'rice 0.12, egg 1, ham 0.03/0, frozen_peas 0.02, frozen_corn 0.02, soybean_oil 0.015'],
  ['台式卤肉饭', 'Taiwanese braised pork rice', 'set_meal', 14, 0.45, LD, 'main', 1.1, 'pork_belly 0.1, rice 0.12, egg 1, bok_choy 0.04/0.1, soy_dark 0.008, rock_sugar 0.005'],
  ['鸡腿套餐', 'Chicken drumstick set meal', 'set_meal', 17, 0.5, L, 'main', 1.2, 'chicken_leg 0.22/0.15, rice 0.12, cabbage 0.08/0.1, soy_light 0.01, soybean_oil 0.01'],
  ['素食套餐', 'Vegetarian set meal', 'set_meal', 11, 0.45, L, 'main', 0.5, 'tofu 0.08, broccoli 0.08/0.2, mushroom_fresh 0.04/0.1, rice 0.12, soybean_oil 0.015'],
  ['猪肉白菜水饺', 'Pork and cabbage dumplings', 'staple', 12, 0.4, LDN, 'main', 1.0, 'dumplings_frozen 0.35, vinegar 0.01, garlic 0.003'],
  [
    '肉丝炒面',
    'Fried noodles with pork',
    'noodle',
    12,
    0.45,
    DN,
    'main',
    0.9,
    'noodles_fresh 0.2, pork_shoulder 0.05/0.15, cabbage 0.05/0.1, bean_sprout 0.03/0.05, soy_light 0.01, soybean_oil 0.015',
  ],
  [
    '麻辣香锅',
    'Mala spicy stir-fry pot',
    'set_meal',
    22,
    0.55,
    LD,
    'main',
    1.4,
    'hot_pot_base 0.03, beef_slices 0.05/0.1, lotus_root 0.05, enoki 0.04/0.1, tofu_skin 0.02, rice 0.1',
    { introducedAt: 0.2 },
  ],
  ['咖喱鸡饭', 'Chicken curry rice', 'set_meal', 16, 0.5, L, 'main', 1.1, 'chicken_thigh 0.12, curry_paste 0.025, potato 0.08, carrot 0.05, onion 0.03/0.1, rice 0.12', { introducedAt: 0.35 }],
  [
    '鸡胸肉轻食沙拉',
    'Chicken breast salad bowl',
    'set_meal',
    18,
    0.35,
    L,
    'main',
    0.45,
    'chicken_breast 0.1/0.15, mixed_greens 0.08, cherry_tomato 0.04/0.05, frozen_corn 0.03, salad_dressing 0.02',
    { introducedAt: 0.5, season: 'summer' },
  ],
  ['酸汤肥牛', 'Beef slices in golden sour soup', 'meat', 24, 0.5, LD, 'main', 1.3, 'beef_slices 0.12/0.1, enoki 0.06/0.1, pickled_pepper 0.02, vinegar 0.01, rice 0.1', { introducedAt: 0.65 }],
  ['番茄牛腩', 'Beef brisket stewed with tomato', 'meat', 22, 0.45, LD, 'main', 1.1, 'beef_brisket 0.12/0.35, tomato 0.15/0.08, ketchup 0.01, onion 0.03/0.1, rice 0.1', { introducedAt: 0.8 }],
  ['烤鸭饭', 'Roast duck rice', 'set_meal', 19, 0.45, L, 'main', 1.0, 'roast_duck 0.15/0.2, rice 0.12, cucumber 0.03/0.1, sweet_bean_sauce 0.015', { introducedAt: 0.9 }],
  ['盐水鸭', 'Nanjing salted duck', 'meat', 18, 0.35, L, 'main', 0.5, 'salted_duck 0.15/0.2, rice 0.1, ginger 0.003/0.2', { retiredAt: 0.55 }],
  ['肉末粉条', 'Vermicelli with minced pork', 'meat', 10, 0.4, LD, 'main', 0.55, 'vermicelli 0.06, minced_pork 0.04/0.05, doubanjiang 0.008, scallion 0.005/0.1, rice 0.1', { retiredAt: 0.75 }],
  ['紫菜蛋花汤', 'Seaweed and egg soup', 'soup', 2, 0.3, LD, 'extra', 1.2, 'seaweed 0.002, egg 0.3, dried_shrimp 0.002, sesame_oil 0.002', { season: 'winter' }],
  ['冬瓜排骨汤', 'Winter melon and pork rib soup', 'soup', 6, 0.4, L, 'extra', 0.9, 'pork_ribs 0.06/0.3, winter_melon 0.12/0.2, ginger 0.003/0.2, salt 0.002'],
  ['酸辣汤', 'Hot and sour soup', 'soup', 3, 0.3, LD, 'extra', 0.8, 'tofu 0.04, wood_ear 0.003, egg 0.3, vinegar 0.01, pepper_white 0.001, starch 0.008', { season: 'winter' }],
  ['清炒时蔬', 'Stir-fried seasonal greens', 'vegetable', 5, 0.25, LD, 'extra', 1.0, 'bok_choy 0.2, garlic 0.005, soybean_oil 0.01'],
  ['拍黄瓜', 'Smashed cucumber salad', 'vegetable', 4, 0.2, LD, 'extra', 0.9, 'cucumber 0.2/0.1, garlic 0.006, vinegar 0.008, sesame_oil 0.003', { season: 'summer' }],
  ['酸梅汤', 'Sour plum drink', 'drink', 3, 0.35, LD, 'extra', 1.0, 'dried_plum 0.008, dried_hawthorn 0.006, rock_sugar 0.02, osmanthus 0.0005', { season: 'summer' }],
  ['绿豆汤', 'Mung bean soup', 'dessert', 2, 0.3, LD, 'extra', 0.9, 'mung_bean 0.03, rock_sugar 0.015', { season: 'summer' }],
  ['鲜果杯', 'Fresh fruit cup', 'dessert', 5, 0.2, L, 'extra', 0.8, 'watermelon 0.1/0.4, apple 0.05/0.2, dragon_fruit 0.04/0.35'],
  ['酸奶水果捞', 'Yogurt with fruit', 'dessert', 5, 0.2, LDN, 'extra', 0.8, 'yogurt 0.15, banana 0.03/0.3, dragon_fruit 0.02/0.35'],
  ['白馒头', 'Plain steamed bun', 'staple', 0.5, 0.1, LD, 'extra', 0.6, 'flour 0.06, sugar 0.002', { byPiece: true }],
  ['银耳红枣羹', 'Snow fungus and red date soup', 'dessert', 3, 0.3, D, 'extra', 0.5, 'tremella 0.005, red_date 0.005, goji 0.002, rock_sugar 0.015', { introducedAt: 0.45 }],
];

export const DISH_SPECS: readonly DishSpec[] = ROWS.map(([name, nameEn, category, yuan, portionKg, meals, role, popularity, recipe, extra]) => ({
  name,
  nameEn,
  category,
  listPriceFen: Math.round(yuan * 100),
  portionKg,
  meals,
  role,
  popularity,
  recipe,
  byPiece: extra?.byPiece ?? false,
  season: extra?.season ?? null,
  introducedAt: extra?.introducedAt ?? null,
  retiredAt: extra?.retiredAt ?? null,
}));
