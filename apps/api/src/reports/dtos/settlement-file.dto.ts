import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsString, Length, MaxLength } from 'class-validator';

/** Base64 of at most 750 KB: a month's day × channel settlement lines are a few kilobytes; larger files go by the CLI. */
const MAX_BASE64_LENGTH = 1_000_000;

/** The card or bank settlement file of a month (CSV: date, channel, amount in yuan; UTF-8 or GBK), as the page read it. */
export class SettlementFileDto {
  @ApiProperty({ example: 'settlement-2026-11.csv', description: 'The file name, shown in the answer and the workbook' })
  @IsString()
  @Length(1, 200, { message: 'fileName must be 1 to 200 characters' })
  fileName!: string;

  @ApiProperty({ description: 'The file bytes in base64 (at most 750 KB of file)' })
  @IsString()
  @MaxLength(MAX_BASE64_LENGTH, { message: 'contentBase64 must encode at most 750 KB; reconcile a larger file with `larder report finance --settlement`' })
  @IsBase64({}, { message: 'contentBase64 must be the file in base64' })
  contentBase64!: string;
}
