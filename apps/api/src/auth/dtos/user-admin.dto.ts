import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ROLES, Role } from '@larder/domain';

/** Canteen codes (C01) as a list: a manager's canteens. */
const CANTEENS = { type: 'string', isArray: true, maxItems: 200, description: "Canteen codes (C01): a manager's canteens" } as const;
const CanteenCodes = () => applyDecorators(IsArray(), ArrayMaxSize(200), IsString({ each: true }), Length(1, 32, { each: true }));

export class CreateUserDto {
  @ApiProperty({ minLength: 3, maxLength: 32 })
  @IsString()
  @Length(3, 32)
  username!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional(CANTEENS)
  @IsOptional()
  @CanteenCodes()
  canteens?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional(CANTEENS)
  @IsOptional()
  @CanteenCodes()
  canteens?: string[];

  @ApiPropertyOptional({ description: 'false disables the person: their sessions end' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Who: a username, token:<name>, cli:<user>, system:…' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  actor?: string;

  @ApiPropertyOptional({ description: 'An action or its prefix: plan finds plan.approve and plan.override' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z._]{0,63}$/, { message: 'action must be an action name such as plan or plan.approve' })
  action?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First day' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date like 2026-11-30' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date like 2026-11-30' })
  to?: string;

  @ApiPropertyOptional({ description: 'A canteen code (C01)' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  canteen?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5000, default: 100 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number from 1 to 5000' })
  @Min(1)
  @Max(5000)
  limit?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv downloads the same rows' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
