import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MAX_PROPOSAL_WEEKS, MenuDecision } from '@larder/procurement';

/** `POST /api/menu/proposals`: a proposed menu for a canteen's coming weeks. */
export class ProposeMenuDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'integer' }], description: 'The canteen by code (C01) or id', example: 'C01' })
  @IsNotEmpty()
  canteen!: string | number;

  @ApiProperty({ format: 'date', example: '2027-01-04', description: 'First day of the cycle' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date (YYYY-MM-DD)' })
  from!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PROPOSAL_WEEKS })
  @IsInt()
  @Min(1)
  @Max(MAX_PROPOSAL_WEEKS)
  weeks!: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 28, description: 'A dish comes back only after this many days (default 2)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  repeatGapDays?: number;

  @ApiPropertyOptional({ description: 'Food cost per cover the subsidy budget allows, in yuan (default: no dearer than the dearest current day of each meal)' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  maxCostPerCoverYuan?: number;

  @ApiPropertyOptional({ type: [Number], description: 'Dishes that stay where the current menu has them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  pinned?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'Dishes never proposed' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  banned?: number[];
}

/** `POST /api/menu/proposals/:id/changes/:seq`: the manager's decision on one change. */
export class DecideMenuChangeDto {
  @ApiProperty({ enum: ['accept', 'reject', 'edit'] })
  @IsIn(['accept', 'reject', 'edit'], { message: 'decision must be accept, reject or edit' })
  decision!: MenuDecision;

  @ApiPropertyOptional({ type: 'integer', description: 'With edit: the dish to serve instead' })
  @IsOptional()
  @IsInt()
  dishId?: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why, for the audit log' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  reason?: string;
}
