import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MEAL_PERIODS, type MealPeriod } from '@larder/domain';

/** `POST /api/plans`: a new draft version for a canteen's ISO week. */
export class CreatePlanDto {
  /** The canteen's id or code. */
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'integer' }], description: 'The canteen by code (C01) or id', example: 'C01' })
  // Anything but a code or an id (an object, a list) counts as no canteen: refused with the same message.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? value : undefined))
  @IsNotEmpty({ message: '"canteen" is required (a code or an id)' })
  canteen!: string | number;

  @ApiProperty({ description: 'ISO week', example: '2026-W50' })
  @IsString()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must look like 2026-W50' })
  week!: string;

  @ApiPropertyOptional({ description: 'Service level for every dish, strictly between 0 and 1 (default: the canteen policy)' })
  @IsOptional()
  @IsNumber()
  serviceLevel?: number;
}

/** `POST /api/plans/:id/overrides`: one quantity of a draft, with the reason. */
export class OverrideDto {
  @ApiProperty({ format: 'date', example: '2026-12-07' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'serviceDate must be a date (YYYY-MM-DD)' })
  serviceDate!: string;

  @ApiProperty({ enum: MEAL_PERIODS })
  @IsIn(MEAL_PERIODS, { message: `meal must be one of ${MEAL_PERIODS.join(', ')}` })
  meal!: MealPeriod;

  @ApiProperty({ type: 'integer' })
  @IsInt()
  dishId!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 2_000_000_000 })
  @IsInt()
  @Min(0, { message: 'portions must be 0 or more' })
  @Max(2_000_000_000)
  portions!: number;

  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Why the quantity differs from the plan' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  /** Out of the usual range, the override is made only when confirmed. */
  @ApiPropertyOptional({ description: 'Make an override out of the usual range (asked for by 409 CONFIRMATION_REQUIRED)' })
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;
}

/** `POST /api/plans/:id/approve`. */
export class ApproveDto {
  /** Orders past their cut-off or a week begun: approved only when confirmed. */
  @ApiPropertyOptional({ description: 'Approve although orders are past their cut-off or the week has begun (asked for by 409 CONFIRMATION_REQUIRED)' })
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;
}
