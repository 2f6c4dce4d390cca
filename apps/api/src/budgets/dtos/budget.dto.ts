import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { BUDGET_LINES, type BudgetLineKind } from '@larder/domain';

/** One line of a canteen's month; an amount of null removes the line ("no budget set"). */
export class BudgetLineDto {
  @ApiProperty({ type: 'integer', example: 1 })
  @IsInt()
  @Min(1)
  canteenId!: number;

  @ApiProperty({ example: '2026-12' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must look like 2026-12' })
  month!: string;

  @ApiProperty({ enum: BUDGET_LINES })
  @IsIn(BUDGET_LINES, { message: `line must be one of ${BUDGET_LINES.join(', ')}` })
  line!: BudgetLineKind;

  @ApiProperty({ type: 'integer', nullable: true, description: 'In fen; null removes the line' })
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: 'amountFen must be whole fen or null' })
  @Min(0, { message: 'amountFen must be 0 or more' })
  @Max(100_000_000_000)
  amountFen!: number | null;
}

/** `PUT /api/budgets`: lines to set or remove, all in one change. */
export class SetBudgetDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  lines!: BudgetLineDto[];
}
