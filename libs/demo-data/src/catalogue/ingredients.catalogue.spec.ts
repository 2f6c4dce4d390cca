import { INGREDIENT_CATEGORIES } from '@larder/domain';
import { INGREDIENT_SPECS } from './ingredients.catalogue';

describe('demo ingredient categories', () => {
  it('files every demo ingredient under a known category, by what it is rather than how it is stored', () => {
    expect(INGREDIENT_SPECS.every((spec) => (INGREDIENT_CATEGORIES as readonly string[]).includes(spec.category))).toBe(true);
    const of = (key: string) => INGREDIENT_SPECS.find((spec) => spec.key === key)!.category;
    expect([of('pork_belly'), of('beef_slices'), of('chicken_wing')]).toEqual(['meat_poultry', 'meat_poultry', 'meat_poultry']);
    expect([of('hairtail'), of('fish_ball'), of('kelp')]).toEqual(['seafood', 'seafood', 'seafood']);
    expect([of('egg'), of('milk'), of('condensed_milk')]).toEqual(['eggs_dairy', 'eggs_dairy', 'eggs_dairy']);
    expect([of('rice'), of('soybean_oil'), of('salt'), of('wood_ear'), of('tofu'), of('mantou_frozen')]).toEqual(['grain_oil', 'grain_oil', 'seasonings', 'dry_goods', 'soy', 'frozen']);
    // Most of the catalogue is food finance can name; 'other' stays the exception.
    expect(INGREDIENT_SPECS.filter((spec) => spec.category === 'other').length).toBeLessThanOrEqual(3);
  });
});
