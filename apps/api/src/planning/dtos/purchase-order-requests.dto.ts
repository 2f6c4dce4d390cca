import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

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
