import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** `POST /api/forecasts/runs`: a forecast refresh; every field may be left out. */
export class RunTriggerDto {
  @ApiPropertyOptional({ description: 'The day the forecast is made on (default: today)', format: 'date', example: '2026-11-20' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'body field "asOf" must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'body field "asOf" must be a calendar date YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Days ahead to forecast', minimum: 1, maximum: 91, default: 28 })
  @IsOptional()
  @IsInt({ message: 'body field "horizonDays" must be a whole number of days 1-91' })
  @Min(1, { message: 'body field "horizonDays" must be a whole number of days 1-91' })
  @Max(91, { message: 'body field "horizonDays" must be a whole number of days 1-91' })
  horizonDays?: number;

  @ApiPropertyOptional({ description: 'One canteen by code (default: every canteen the caller may plan)', example: 'C01' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'body field "canteen" must be a canteen code' })
  canteen?: string;
}
