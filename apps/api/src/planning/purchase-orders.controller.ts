import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, principalName, Roles, TokenScopes } from '@larder/auth';
import { LarderError } from '@larder/common';
import type { CanteenScope } from '@larder/domain';
import { PurchaseOrderService } from '@larder/procurement';
import { PurchaseOrderSheetService } from '@larder/reporting';
import { contentDisposition } from '../http/content-disposition';
import { allowCanteen, CanteenAccess } from '../auth/canteen-access.decorator';
import { EditOrderLineDto, MoveOrderDto, ReceiveOrderDto } from './dtos/purchase-order-requests.dto';

/** One purchase order as a buyer uses it: open it, change its lines before it is sent, send, receive or cancel it. */
@Controller('api/purchase-orders')
export class PurchaseOrdersController {
  constructor(
    private readonly orders: PurchaseOrderService,
    private readonly sheets: PurchaseOrderSheetService,
  ) {}

  /** Declared before `:id`: whether the 采购单 comes as a PDF too (LibreOffice on the server), for the page's download buttons. */
  @Get('sheet-formats')
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async sheetFormats(): Promise<{ xlsx: true; pdf: boolean }> {
    return { xlsx: true, pdf: await this.sheets.pdfAvailable() };
  }

  @Get(':id')
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async get(@Param('id') id: string, @CanteenAccess() canteens: CanteenScope) {
    allowCanteen(canteens, await this.orders.canteenOf(id));
    return this.orders.order(id);
  }

  /** `?lang=zh-CN|en&format=xlsx|pdf`: the printable 采购单 (A4) for the supplier, as a workbook or, where LibreOffice is installed, a PDF. */
  @Get(':id/sheet')
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async sheet(
    @Param('id') id: string,
    @Res() response: Response,
    @CanteenAccess() canteens: CanteenScope,
    @CurrentPrincipal() principal: Principal,
    @Query('lang') lang?: string,
    @Query('format') format?: string,
  ): Promise<void> {
    if (format !== undefined && format !== 'xlsx' && format !== 'pdf') throw new LarderError('VALIDATION_FAILED', 'query parameter "format" must be xlsx or pdf', { field: 'format' });
    allowCanteen(canteens, await this.orders.canteenOf(id));
    const prepared = await this.sheets.prepare(id, lang);
    if (format === 'pdf') {
      const pdf = await this.sheets.pdfOf(prepared, principalName(principal));
      response.setHeader('Content-Type', 'application/pdf');
      response.setHeader('Content-Disposition', contentDisposition(prepared.fileName.replace(/\.xlsx$/, '.pdf')));
      response.setHeader('Cache-Control', 'no-store');
      response.end(pdf);
      return;
    }
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', contentDisposition(prepared.fileName));
    response.setHeader('Cache-Control', 'no-store');
    try {
      await this.sheets.write(prepared, response, principalName(principal));
    } catch (error) {
      // Once the workbook has started, the status is sent: cut the download so it cannot pass for complete.
      if (response.headersSent) response.destroy(error as Error);
      else throw error;
    }
  }

  @Patch(':id/lines/:supplierItemId')
  @Roles('manager')
  async editLine(@Param('id') id: string, @Param('supplierItemId') item: string, @Body() body: EditOrderLineDto, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    allowCanteen(canteens, await this.orders.canteenOf(id));
    return this.orders.editLine(id, { supplierItemId: itemId(item), packs: body.packs, reason: body.reason, actor: principalName(principal) });
  }

  /** 验收入库: a sent order received, with what each differing line delivered. */
  @Post(':id/receipt')
  @HttpCode(200)
  @Roles('manager')
  async receive(@Param('id') id: string, @Body() body: ReceiveOrderDto, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    allowCanteen(canteens, await this.orders.canteenOf(id));
    return this.orders.receive(id, { lines: body.lines, note: body.note, actor: principalName(principal) });
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('manager')
  async move(@Param('id') id: string, @Body() body: MoveOrderDto, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    allowCanteen(canteens, await this.orders.canteenOf(id));
    return this.orders.move(id, { status: body.status, reason: body.reason, actor: principalName(principal) });
  }
}

function itemId(value: string): number {
  const id = Number(value);
  if (!/^\d{1,9}$/.test(value) || !Number.isSafeInteger(id))
    throw new LarderError('VALIDATION_FAILED', `supplier item must be a whole number, got ${JSON.stringify(value)}`, { field: 'supplierItemId' });
  return id;
}
