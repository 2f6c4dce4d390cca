import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

/** `PATCH /api/purchase-orders/:id/lines/:supplierItemId`: the packs of one line, with the reason. */
export class EditOrderLineDto {
  @IsInt({ message: 'packs must be a whole number' })
  @Min(0, { message: 'packs must be 0 or more' })
  @Max(1_000_000)
  packs!: number;

  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** `POST /api/purchase-orders/:id/status`: send, receive or cancel (with a reason). */
export class MoveOrderDto {
  @IsIn(['sent', 'received', 'cancelled'], { message: 'status must be one of sent, received, cancelled' })
  status!: 'sent' | 'received' | 'cancelled';

  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** One line as delivered: packs and, when the delivery note says another, the price per pack in fen. */
export class ReceivedLineDto {
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  supplierItemId!: number;

  @IsInt({ message: 'packs must be a whole number' })
  @Min(0, { message: 'packs must be 0 or more' })
  @Max(1_000_000)
  packs!: number;

  @IsOptional()
  @IsInt({ message: 'packPriceFen must be whole fen' })
  @Min(0, { message: 'packPriceFen must be 0 or more' })
  @Max(1_000_000_000)
  packPriceFen?: number;
}

/** `POST /api/purchase-orders/:id/receipt` (验收入库): the lines that differ from the order; the rest arrived as ordered. */
export class ReceiveOrderDto {
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ReceivedLineDto)
  lines!: ReceivedLineDto[];

  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
