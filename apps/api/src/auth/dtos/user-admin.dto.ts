import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ROLES, Role } from '@larder/domain';

/** Canteen codes (C01) as a list: a manager's canteens. */
const CanteenCodes = () => applyDecorators(IsArray(), ArrayMaxSize(200), IsString({ each: true }), Length(1, 32, { each: true }));

export class CreateUserDto {
  @IsString()
  @Length(3, 32)
  username!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsOptional()
  @CanteenCodes()
  canteens?: string[];
}

export class UpdateUserDto {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @CanteenCodes()
  canteens?: string[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class AuditQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 64)
  actor?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z._]{0,63}$/, { message: 'action must be an action name such as plan or plan.approve' })
  action?: string;

  @IsOptional()
  @Matches(DAY, { message: 'from must be a date like 2026-11-30' })
  from?: string;

  @IsOptional()
  @Matches(DAY, { message: 'to must be a date like 2026-11-30' })
  to?: string;

  @IsOptional()
  @IsString()
  @Length(1, 32)
  canteen?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number from 1 to 5000' })
  @Min(1)
  @Max(5000)
  limit?: number;

  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
