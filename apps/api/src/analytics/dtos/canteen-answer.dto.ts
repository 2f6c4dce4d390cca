import { ApiProperty } from '@nestjs/swagger';

/** One canteen of `GET /api/canteens`. */
export class CanteenAnswer {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ example: 'C01' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ type: 'integer' }) siteId!: number;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ type: 'integer' }) seats!: number;
  @ApiProperty() opensWeekends!: boolean;
}
