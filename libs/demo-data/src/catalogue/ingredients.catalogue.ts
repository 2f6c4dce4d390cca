import type { IngredientUnit, StorageKind } from '@larder/domain';

/** Supply groups decide which supplier carries an ingredient and how its market price moves. */
export type SupplyGroup =
  | 'vegetable' | 'fruit' | 'pork' | 'beef_lamb' | 'poultry' | 'egg' | 'aquatic' | 'grain_oil' | 'seasoning'
  | 'dry_goods' | 'dairy' | 'soy' | 'frozen' | 'beverage';

export interface IngredientSpec {
  key: string;
  name: string;
  nameEn: string;
  unit: IngredientUnit;
  shelfLifeDays: number;
  storage: StorageKind;
  group: SupplyGroup;
  /** Typical wholesale price per unit (kg, litre or piece) in fen, before market swings. */
  priceFen: number;
}

type Spec = [key: string, name: string, nameEn: string, unit: IngredientUnit, shelfLifeDays: number, storage: StorageKind, priceFen: number];

const BY_GROUP: Record<SupplyGroup, Spec[]> = {
  vegetable: [
    ['tomato', '番茄', 'Tomato', 'kg', 7, 'chilled', 600],
    ['cucumber', '黄瓜', 'Cucumber', 'kg', 5, 'chilled', 500],
    ['potato', '土豆', 'Potato', 'kg', 30, 'ambient', 300],
    ['green_pepper', '青椒', 'Green pepper', 'kg', 7, 'chilled', 700],
    ['eggplant', '茄子', 'Eggplant', 'kg', 5, 'chilled', 600],
    ['green_bean', '四季豆', 'Green beans', 'kg', 5, 'chilled', 900],
    ['cabbage', '大白菜', 'Napa cabbage', 'kg', 14, 'ambient', 250],
    ['bok_choy', '上海青', 'Bok choy', 'kg', 3, 'chilled', 600],
    ['spinach', '菠菜', 'Spinach', 'kg', 3, 'chilled', 800],
    ['lettuce', '生菜', 'Lettuce', 'kg', 4, 'chilled', 800],
    ['celery', '芹菜', 'Celery', 'kg', 7, 'chilled', 500],
    ['carrot', '胡萝卜', 'Carrot', 'kg', 21, 'chilled', 350],
    ['onion', '洋葱', 'Onion', 'kg', 30, 'ambient', 350],
    ['scallion', '小葱', 'Spring onion', 'kg', 5, 'chilled', 1000],
    ['ginger', '生姜', 'Ginger', 'kg', 30, 'ambient', 1200],
    ['garlic', '大蒜', 'Garlic', 'kg', 60, 'ambient', 1000],
    ['chili_red', '红辣椒', 'Red chilli', 'kg', 7, 'chilled', 1200],
    ['winter_melon', '冬瓜', 'Winter melon', 'kg', 14, 'ambient', 250],
    ['pumpkin', '南瓜', 'Pumpkin', 'kg', 30, 'ambient', 300],
    ['broccoli', '西兰花', 'Broccoli', 'kg', 5, 'chilled', 1000],
    ['cauliflower', '花菜', 'Cauliflower', 'kg', 5, 'chilled', 600],
    ['mushroom_fresh', '鲜香菇', 'Fresh shiitake', 'kg', 5, 'chilled', 1400],
    ['enoki', '金针菇', 'Enoki mushroom', 'kg', 5, 'chilled', 900],
    ['bean_sprout', '绿豆芽', 'Mung bean sprouts', 'kg', 2, 'chilled', 400],
    ['lotus_root', '莲藕', 'Lotus root', 'kg', 10, 'chilled', 800],
    ['cilantro', '香菜', 'Coriander', 'kg', 3, 'chilled', 1200],
    ['leek', '韭菜', 'Chinese chives', 'kg', 3, 'chilled', 800],
    ['radish', '白萝卜', 'White radish', 'kg', 14, 'chilled', 250],
    ['garlic_sprout', '蒜苔', 'Garlic scapes', 'kg', 7, 'chilled', 1000],
    ['mixed_greens', '沙拉菜', 'Salad leaves', 'kg', 3, 'chilled', 1600],
    ['cherry_tomato', '圣女果', 'Cherry tomato', 'kg', 5, 'chilled', 1200],
    ['sweet_potato', '红薯', 'Sweet potato', 'kg', 30, 'ambient', 350],
    ['yam', '山药', 'Chinese yam', 'kg', 14, 'ambient', 900],
    ['taro', '芋头', 'Taro', 'kg', 14, 'ambient', 800],
    ['zucchini', '西葫芦', 'Zucchini', 'kg', 7, 'chilled', 500],
    ['bitter_melon', '苦瓜', 'Bitter melon', 'kg', 5, 'chilled', 800],
    ['corn_cob', '甜玉米', 'Sweet corn', 'kg', 5, 'chilled', 500],
  ],
  fruit: [
    ['watermelon', '西瓜', 'Watermelon', 'kg', 7, 'ambient', 250],
    ['apple', '苹果', 'Apple', 'kg', 30, 'chilled', 800],
    ['banana', '香蕉', 'Banana', 'kg', 5, 'ambient', 600],
    ['orange', '橙子', 'Orange', 'kg', 20, 'chilled', 700],
    ['grape', '葡萄', 'Grapes', 'kg', 5, 'chilled', 1200],
    ['pineapple', '菠萝', 'Pineapple', 'kg', 7, 'ambient', 600],
    ['dragon_fruit', '火龙果', 'Dragon fruit', 'kg', 10, 'chilled', 900],
    ['lemon', '柠檬', 'Lemon', 'kg', 30, 'chilled', 1000],
  ],
  pork: [
    ['pork_belly', '五花肉', 'Pork belly', 'kg', 3, 'chilled', 3200],
    ['pork_loin', '猪里脊', 'Pork loin', 'kg', 3, 'chilled', 3000],
    ['pork_shoulder', '前腿肉', 'Pork shoulder', 'kg', 3, 'chilled', 2800],
    ['pork_hind', '后腿肉', 'Pork leg', 'kg', 3, 'chilled', 2800],
    ['minced_pork', '猪肉末', 'Minced pork', 'kg', 2, 'chilled', 2600],
    ['pork_ribs', '猪排骨', 'Pork ribs', 'kg', 3, 'chilled', 4200],
    ['ham', '火腿肠', 'Ham sausage', 'kg', 90, 'chilled', 2000],
  ],
  beef_lamb: [
    ['beef_brisket', '牛腩', 'Beef brisket', 'kg', 3, 'chilled', 7000],
    ['beef_shank', '牛腱子', 'Beef shank', 'kg', 3, 'chilled', 8000],
    ['beef_slices', '肥牛卷', 'Sliced beef rolls', 'kg', 180, 'frozen', 6000],
    ['beef_tenderloin', '牛里脊', 'Beef tenderloin', 'kg', 3, 'chilled', 9000],
    ['lamb_leg', '羊腿肉', 'Lamb leg', 'kg', 3, 'chilled', 8000],
  ],
  poultry: [
    ['chicken_breast', '鸡胸肉', 'Chicken breast', 'kg', 3, 'chilled', 2000],
    ['chicken_thigh', '去骨鸡腿肉', 'Boneless chicken thigh', 'kg', 3, 'chilled', 2200],
    ['chicken_leg', '琵琶腿', 'Chicken drumstick', 'kg', 3, 'chilled', 1800],
    ['chicken_wing', '鸡中翅', 'Chicken wings', 'kg', 3, 'chilled', 4000],
    ['whole_chicken', '三黄鸡', 'Whole chicken', 'kg', 2, 'chilled', 2400],
    ['duck', '白条鸭', 'Whole duck', 'kg', 2, 'chilled', 2200],
    ['roast_duck', '烤鸭', 'Roast duck', 'kg', 2, 'chilled', 4500],
    ['salted_duck', '盐水鸭', 'Salted duck', 'kg', 3, 'chilled', 5000],
  ],
  egg: [
    ['egg', '鸡蛋', 'Egg', 'piece', 21, 'chilled', 80],
    ['salted_egg', '咸鸭蛋', 'Salted duck egg', 'piece', 30, 'ambient', 150],
  ],
  aquatic: [
    ['sea_bass', '鲈鱼', 'Sea bass', 'kg', 2, 'chilled', 4000],
    ['hairtail', '带鱼段', 'Hairtail pieces', 'kg', 180, 'frozen', 3600],
    ['grass_carp', '草鱼', 'Grass carp', 'kg', 2, 'chilled', 1800],
    ['snakehead', '黑鱼片', 'Snakehead fillet', 'kg', 2, 'chilled', 3200],
    ['prawn', '基围虾', 'Prawns', 'kg', 2, 'chilled', 7000],
    ['shrimp_meat', '冻虾仁', 'Frozen shrimp meat', 'kg', 180, 'frozen', 6000],
    ['squid', '鱿鱼', 'Squid', 'kg', 180, 'frozen', 3000],
    ['clam', '花蛤', 'Clams', 'kg', 2, 'chilled', 1400],
    ['kelp', '海带', 'Kelp', 'kg', 5, 'chilled', 600],
    ['dried_shrimp', '虾皮', 'Dried small shrimp', 'kg', 180, 'ambient', 6000],
    ['seaweed', '紫菜', 'Dried laver', 'kg', 365, 'ambient', 8000],
  ],
  grain_oil: [
    ['rice', '大米', 'Rice', 'kg', 365, 'ambient', 550],
    ['flour', '面粉', 'Wheat flour', 'kg', 270, 'ambient', 450],
    ['glutinous_rice', '糯米', 'Glutinous rice', 'kg', 365, 'ambient', 800],
    ['millet', '小米', 'Millet', 'kg', 365, 'ambient', 900],
    ['noodles_fresh', '鲜切面', 'Fresh noodles', 'kg', 3, 'chilled', 600],
    ['noodles_dry', '挂面', 'Dried noodles', 'kg', 365, 'ambient', 700],
    ['rice_noodle', '米粉', 'Rice noodles', 'kg', 180, 'ambient', 800],
    ['vermicelli', '红薯粉条', 'Sweet potato vermicelli', 'kg', 365, 'ambient', 1200],
    ['soybean_oil', '大豆油', 'Soybean oil', 'l', 365, 'ambient', 1100],
    ['peanut_oil', '花生油', 'Peanut oil', 'l', 365, 'ambient', 2400],
    ['sesame_oil', '香油', 'Sesame oil', 'l', 365, 'ambient', 5000],
    ['mung_bean', '绿豆', 'Mung beans', 'kg', 365, 'ambient', 1000],
    ['soybean', '黄豆', 'Soybeans', 'kg', 365, 'ambient', 700],
    ['corn_flour', '玉米面', 'Corn flour', 'kg', 180, 'ambient', 500],
    ['wonton_wrapper', '馄饨皮', 'Wonton wrappers', 'kg', 3, 'chilled', 1000],
    ['dumpling_wrapper', '饺子皮', 'Dumpling wrappers', 'kg', 3, 'chilled', 900],
  ],
  seasoning: [
    ['salt', '食盐', 'Salt', 'kg', 1095, 'ambient', 300],
    ['sugar', '白砂糖', 'White sugar', 'kg', 730, 'ambient', 700],
    ['rock_sugar', '冰糖', 'Rock sugar', 'kg', 730, 'ambient', 1200],
    ['soy_light', '生抽', 'Light soy sauce', 'l', 540, 'ambient', 1000],
    ['soy_dark', '老抽', 'Dark soy sauce', 'l', 540, 'ambient', 1200],
    ['vinegar', '香醋', 'Black vinegar', 'l', 540, 'ambient', 900],
    ['cooking_wine', '料酒', 'Cooking wine', 'l', 540, 'ambient', 600],
    ['oyster_sauce', '蚝油', 'Oyster sauce', 'kg', 540, 'ambient', 1400],
    ['doubanjiang', '郫县豆瓣酱', 'Pixian chilli bean paste', 'kg', 540, 'ambient', 1600],
    ['sweet_bean_sauce', '甜面酱', 'Sweet bean sauce', 'kg', 365, 'ambient', 1200],
    ['ketchup', '番茄酱', 'Tomato ketchup', 'kg', 365, 'ambient', 1400],
    ['sichuan_pepper', '花椒', 'Sichuan pepper', 'kg', 365, 'ambient', 12000],
    ['dried_chili', '干辣椒', 'Dried chillies', 'kg', 365, 'ambient', 4000],
    ['star_anise', '八角', 'Star anise', 'kg', 365, 'ambient', 8000],
    ['cinnamon', '桂皮', 'Cassia bark', 'kg', 365, 'ambient', 6000],
    ['chicken_powder', '鸡精', 'Chicken bouillon powder', 'kg', 540, 'ambient', 3000],
    ['msg', '味精', 'MSG', 'kg', 730, 'ambient', 2000],
    ['starch', '玉米淀粉', 'Corn starch', 'kg', 730, 'ambient', 800],
    ['curry_paste', '咖喱块', 'Curry roux', 'kg', 365, 'ambient', 5000],
    ['pepper_white', '白胡椒粉', 'White pepper', 'kg', 365, 'ambient', 8000],
    ['sesame_paste', '芝麻酱', 'Sesame paste', 'kg', 365, 'ambient', 3000],
    ['chili_oil', '红油辣子', 'Chilli oil', 'kg', 180, 'ambient', 3000],
    ['five_spice', '五香粉', 'Five-spice powder', 'kg', 365, 'ambient', 5000],
    ['hot_pot_base', '香锅底料', 'Spicy pot base', 'kg', 365, 'ambient', 4000],
    ['salad_dressing', '沙拉酱', 'Salad dressing', 'kg', 180, 'chilled', 2400],
    ['pickled_pepper', '泡椒', 'Pickled chillies', 'kg', 365, 'ambient', 1200],
  ],
  dry_goods: [
    ['dried_shiitake', '干香菇', 'Dried shiitake', 'kg', 365, 'ambient', 8000],
    ['wood_ear', '黑木耳', 'Wood ear fungus', 'kg', 365, 'ambient', 9000],
    ['peanut', '花生米', 'Peanuts', 'kg', 180, 'ambient', 1600],
    ['sesame', '白芝麻', 'Sesame seeds', 'kg', 365, 'ambient', 2000],
    ['red_date', '红枣', 'Red dates', 'kg', 365, 'ambient', 2000],
    ['goji', '枸杞', 'Goji berries', 'kg', 365, 'ambient', 6000],
    ['dried_hawthorn', '山楂干', 'Dried hawthorn', 'kg', 365, 'ambient', 3000],
    ['dried_plum', '乌梅', 'Smoked plum', 'kg', 365, 'ambient', 4000],
    ['osmanthus', '干桂花', 'Dried osmanthus', 'kg', 365, 'ambient', 15000],
    ['mustard_pickled', '老坛酸菜', 'Pickled mustard greens', 'kg', 180, 'ambient', 600],
    ['preserved_greens', '梅干菜', 'Preserved mustard greens', 'kg', 180, 'ambient', 3000],
    ['pickled_mustard_tuber', '榨菜', 'Zhacai pickle', 'kg', 365, 'ambient', 1000],
    ['tremella', '银耳', 'Snow fungus', 'kg', 365, 'ambient', 10000],
    ['tofu_skin', '腐竹', 'Dried tofu skin', 'kg', 365, 'ambient', 3000],
    ['honey', '蜂蜜', 'Honey', 'kg', 730, 'ambient', 3000],
  ],
  dairy: [
    ['milk', '纯牛奶', 'Milk', 'l', 7, 'chilled', 1200],
    ['yogurt', '酸奶', 'Yogurt', 'kg', 21, 'chilled', 1600],
    ['butter', '黄油', 'Butter', 'kg', 90, 'chilled', 8000],
    ['condensed_milk', '炼乳', 'Condensed milk', 'kg', 365, 'ambient', 2000],
  ],
  soy: [
    ['tofu', '北豆腐', 'Firm tofu', 'kg', 3, 'chilled', 500],
    ['silken_tofu', '内酯豆腐', 'Silken tofu', 'kg', 5, 'chilled', 600],
    ['dried_tofu', '豆腐干', 'Pressed tofu', 'kg', 5, 'chilled', 1000],
    ['soy_milk', '鲜豆浆', 'Fresh soy milk', 'l', 2, 'chilled', 400],
    ['tofu_puff', '油豆腐', 'Tofu puffs', 'kg', 5, 'chilled', 1200],
  ],
  frozen: [
    ['pork_buns_frozen', '速冻鲜肉包', 'Frozen pork buns', 'piece', 180, 'frozen', 60],
    ['veg_buns_frozen', '速冻菜包', 'Frozen vegetable buns', 'piece', 180, 'frozen', 50],
    ['mantou_frozen', '速冻馒头', 'Frozen plain buns', 'piece', 180, 'frozen', 30],
    ['huajuan_frozen', '速冻花卷', 'Frozen scallion rolls', 'piece', 180, 'frozen', 35],
    ['youtiao_frozen', '速冻油条', 'Frozen youtiao', 'piece', 180, 'frozen', 50],
    ['shaomai_frozen', '速冻烧卖', 'Frozen shaomai', 'piece', 180, 'frozen', 80],
    ['xiaolongbao_frozen', '速冻小笼包', 'Frozen xiaolongbao', 'piece', 180, 'frozen', 70],
    ['dumplings_frozen', '速冻水饺', 'Frozen dumplings', 'kg', 180, 'frozen', 1600],
    ['fish_ball', '鱼丸', 'Fish balls', 'kg', 180, 'frozen', 2000],
    ['frozen_corn', '冻玉米粒', 'Frozen sweetcorn', 'kg', 365, 'frozen', 800],
    ['frozen_peas', '冻青豆', 'Frozen peas', 'kg', 365, 'frozen', 900],
    ['frozen_mixed_veg', '速冻杂菜', 'Frozen mixed vegetables', 'kg', 365, 'frozen', 900],
  ],
  beverage: [
    ['bottled_water', '桶装饮用水', 'Bottled water', 'l', 365, 'ambient', 100],
    ['tea_leaves', '茶叶', 'Tea leaves', 'kg', 365, 'ambient', 10000],
    ['orange_juice', '橙汁', 'Orange juice', 'l', 180, 'ambient', 800],
    ['coffee_beans', '咖啡豆', 'Coffee beans', 'kg', 180, 'ambient', 12000],
  ],
};

export const INGREDIENT_SPECS: readonly IngredientSpec[] = (Object.keys(BY_GROUP) as SupplyGroup[]).flatMap((group) =>
  BY_GROUP[group].map(([key, name, nameEn, unit, shelfLifeDays, storage, priceFen]) => ({
    key, name, nameEn, unit, shelfLifeDays, storage, group, priceFen,
  })),
);

/** Share of weight lost in trimming and cooking when a recipe does not say otherwise. */
export const DEFAULT_YIELD_LOSS: Record<SupplyGroup, number> = {
  vegetable: 0.15, fruit: 0.3, pork: 0.2, beef_lamb: 0.3, poultry: 0.2, egg: 0, aquatic: 0.35, grain_oil: 0,
  seasoning: 0, dry_goods: 0.05, dairy: 0, soy: 0.05, frozen: 0.02, beverage: 0,
};

export const GROUP_CODE_PREFIX: Record<SupplyGroup, string> = {
  vegetable: 'VEG', fruit: 'FRU', pork: 'PRK', beef_lamb: 'BEF', poultry: 'POU', egg: 'EGG', aquatic: 'AQU',
  grain_oil: 'GRN', seasoning: 'SEA', dry_goods: 'DRY', dairy: 'DAI', soy: 'SOY', frozen: 'FRZ', beverage: 'BEV',
};
