import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MEAL_PERIODS, type MealPeriod } from '@larder/domain';

/** `POST /api/plans`: a new draft version for a canteen's ISO week. */
export class CreatePlanDto {
  /** The canteen's id or code. */
  @IsNotEmpty()
  canteen!: string | number;

  @IsString()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must look like 2026-W50' })
  week!: string;

  @IsOptional()
  @IsNumber()
  serviceLevel?: number;
}

/** `POST /api/plans/:id/overrides`: one quantity of a draft, with the reason. */
export class OverrideDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'serviceDate must be a date (YYYY-MM-DD)' })
  serviceDate!: string;

  @IsIn(MEAL_PERIODS, { message: `meal must be one of ${MEAL_PERIODS.join(', ')}` })
  meal!: MealPeriod;

  @IsInt()
  dishId!: number;

  @IsInt()
  @Min(0, { message: 'portions must be 0 or more' })
  @Max(2_000_000_000)
  portions!: number;

  @IsString()
  @Length(1, 500)
  reason!: string;

  /** Out of the usual range, the override is made only when confirmed. */
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;
}

/** `POST /api/plans/:id/approve`. */
export class ApproveDto {
  /** Orders past their cut-off or a week begun: approved only when confirmed. */
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;
}
