import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { MEAL_PERIODS, type MealPeriod } from '@larder/domain';
import type { WhatIfScenario } from '@larder/procurement';

const CANTEEN_IDS = { each: true, message: (name: string) => `"${name}" must be a list of canteen ids` };

/** One dish served in another's place, taking over its forecast. */
export class DishSwapDto {
  @ApiProperty({ type: 'integer', description: 'The dish taken off the menu' })
  @IsInt({ message: 'swaps need whole-number fromDishId and toDishId' })
  fromDishId!: number;

  @ApiProperty({ type: 'integer', description: 'The dish served instead' })
  @IsInt({ message: 'swaps need whole-number fromDishId and toDishId' })
  toDishId!: number;

  @ApiPropertyOptional({ description: 'Only on this day (default: wherever the dish is on the menu)', format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'serviceDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'serviceDate must be a calendar date (YYYY-MM-DD)' })
  serviceDate?: string;

  @ApiPropertyOptional({ description: 'Only at this meal', enum: MEAL_PERIODS })
  @IsOptional()
  @IsIn(MEAL_PERIODS, { message: `meal must be one of ${MEAL_PERIODS.join(', ')}` })
  meal?: MealPeriod;
}

/** One day's covers times a factor. */
export class DayFactorDto {
  @ApiProperty({ description: 'The service day', format: 'date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dayFactors need a serviceDate (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'dayFactors need a calendar date (YYYY-MM-DD)' })
  serviceDate!: string;

  @ApiProperty({ description: 'Covers multiplier 0-5, e.g. 1.1 for +10 %', minimum: 0, maximum: 5 })
  @IsNumber({}, { message: 'dayFactors need a number factor' })
  factor!: number;
}

/** One ingredient's prices times a factor. */
export class PriceFactorDto {
  @ApiProperty({ type: 'integer', description: 'The ingredient' })
  @IsInt({ message: 'priceFactors need a whole-number ingredientId' })
  ingredientId!: number;

  @ApiProperty({ description: 'Price multiplier above 0 up to 5, e.g. 1.15 for +15 %', maximum: 5 })
  @IsNumber({}, { message: 'priceFactors need a number factor' })
  factor!: number;
}

/** Where the diners of closed canteens go instead. */
export class RedirectDto {
  @ApiProperty({ type: 'integer', isArray: true, description: 'Canteen ids that take them in, by their own covers' })
  @IsArray({ message: CANTEEN_IDS.message('redirect.toCanteenIds') })
  @IsInt({ ...CANTEEN_IDS, message: CANTEEN_IDS.message('redirect.toCanteenIds') })
  toCanteenIds!: number[];

  @ApiPropertyOptional({ description: 'Share of their covers that moves, 0-1 (default 0)', minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber()
  share?: number;
}

export class WhatIfScenarioDto {
  @ApiPropertyOptional({ description: 'Service level for every dish, strictly between 0 and 1' })
  @IsOptional()
  @IsNumber()
  serviceLevel?: number;

  @ApiPropertyOptional({ description: 'Demand multiplier 0-5, e.g. 0.6 for a holiday week', minimum: 0, maximum: 5 })
  @IsOptional()
  @IsNumber()
  headcountFactor?: number;

  @ApiPropertyOptional({ type: [DayFactorDto], description: 'Covers of single days times a factor, on top of headcountFactor' })
  @IsOptional()
  @IsArray({ message: '"dayFactors" must be a list' })
  @ValidateNested({ each: true })
  @Type(() => DayFactorDto)
  dayFactors?: DayFactorDto[];

  @ApiPropertyOptional({ type: [PriceFactorDto], description: "Ingredients' pack prices times a factor" })
  @IsOptional()
  @IsArray({ message: '"priceFactors" must be a list' })
  @ValidateNested({ each: true })
  @Type(() => PriceFactorDto)
  priceFactors?: PriceFactorDto[];

  @ApiPropertyOptional({ type: [DishSwapDto] })
  @IsOptional()
  @IsArray({ message: '"swaps" must be a list' })
  @ValidateNested({ each: true })
  @Type(() => DishSwapDto)
  swaps?: DishSwapDto[];

  @ApiPropertyOptional({ type: 'integer', isArray: true, description: 'Canteen ids closed for the whole week' })
  @IsOptional()
  @IsArray({ message: CANTEEN_IDS.message('closeCanteens') })
  @IsInt({ ...CANTEEN_IDS, message: CANTEEN_IDS.message('closeCanteens') })
  closeCanteens?: number[];

  @ApiPropertyOptional({ type: RedirectDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RedirectDto)
  redirect?: RedirectDto;
}

/** `POST /api/plans/what-if`: a week's plan under a scenario, against the plan as it stands. */
export class WhatIfDto {
  @ApiProperty({ description: 'ISO week', example: '2026-W50' })
  @IsString()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must look like 2026-W50' })
  week!: string;

  @ApiPropertyOptional({ type: 'integer', isArray: true, description: 'Canteen ids (default: every canteen the caller plans)' })
  @IsOptional()
  @IsArray({ message: CANTEEN_IDS.message('canteens') })
  @IsInt({ ...CANTEEN_IDS, message: CANTEEN_IDS.message('canteens') })
  canteens?: number[];

  @ApiPropertyOptional({ description: "A stored plan of the week: its canteen is computed with the plan's service level, forecast run and overrides", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'plan must be a plan id' })
  plan?: string;

  @ApiPropertyOptional({ type: WhatIfScenarioDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WhatIfScenarioDto)
  scenario?: WhatIfScenarioDto;
}

/** The scenario as the planner takes it; a missing redirect share moves nobody. */
export function toScenario(dto: WhatIfScenarioDto | undefined): WhatIfScenario {
  if (!dto) return {};
  const { serviceLevel, headcountFactor, dayFactors, priceFactors, swaps, closeCanteens, redirect } = dto;
  return {
    serviceLevel,
    headcountFactor,
    closeCanteens,
    dayFactors: dayFactors?.map(({ serviceDate, factor }) => ({ serviceDate, factor })),
    priceFactors: priceFactors?.map(({ ingredientId, factor }) => ({ ingredientId, factor })),
    swaps: swaps?.map(({ fromDishId, toDishId, serviceDate, meal }) => ({ fromDishId, toDishId, serviceDate, meal })),
    redirect: redirect && { toCanteenIds: redirect.toCanteenIds, share: redirect.share ?? 0 },
  };
}
