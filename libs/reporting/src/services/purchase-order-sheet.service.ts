import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { AuditService } from '@larder/auth';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { PurchaseOrderService } from '@larder/procurement';
import { REPORT_LANGUAGES, ReportLanguage } from '../layout/labels';
import { PurchaseOrderSheetData, writePurchaseOrderSheet } from '../layout/purchase-order.layout';

export interface PreparedOrderSheet {
  fileName: string;
  data: PurchaseOrderSheetData;
}

/** The printable 采购单 of one purchase order, in Chinese or English; each download is audited as a report export. */
@Injectable()
export class PurchaseOrderSheetService {
  constructor(
    private readonly orders: PurchaseOrderService,
    private readonly audit: AuditService,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  /** Checks the order and the language and names the file, before anything is written. */
  async prepare(orderId: string, language: string = 'zh-CN', now: Date = new Date()): Promise<PreparedOrderSheet> {
    if (!(REPORT_LANGUAGES as readonly string[]).includes(language)) {
      throw new LarderError('VALIDATION_FAILED', `language must be one of ${REPORT_LANGUAGES.join(', ')}, got ${JSON.stringify(language)}`, { field: 'lang' });
    }
    const order = await this.orders.order(orderId);
    const data: PurchaseOrderSheetData = {
      context: {
        language: language as ReportLanguage, period: { label: order.week ?? order.deliveryDate, from: order.deliveryDate, to: order.deliveryDate },
        canteen: order.canteen, generatedAt: now, timeZone: this.config.timezone,
      },
      order: { id: order.id, status: order.status, orderDate: order.orderDate, orderCutoff: order.orderCutoff, deliveryDate: order.deliveryDate, leadTimeDays: order.leadTimeDays },
      supplier: order.supplier, canteen: order.canteen,
      lines: order.lines.filter((line) => line.packs > 0).map((line) => ({
        ingredient: line.ingredient, unit: line.ingredient.unit, sku: line.sku, packSize: line.packSize, packs: line.packs, packPriceFen: line.packPriceFen,
      })),
    };
    const fileName = `larder-purchase-order-${order.supplier.code}-${order.deliveryDate}-${order.canteen.code}-${language}.xlsx`;
    return { fileName, data };
  }

  /** Streams the workbook and records the export, complete or failed. */
  async write(prepared: PreparedOrderSheet, output: Writable, requestedBy: string): Promise<{ amountFen: number }> {
    const { data } = prepared;
    const detail = {
      kind: 'purchase-order', orderId: data.order.id, period: data.order.deliveryDate, from: data.order.deliveryDate, to: data.order.deliveryDate,
      canteens: [data.canteen.code], language: data.context.language,
    };
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
      workbook.creator = 'Larder';
      workbook.created = data.context.generatedAt;
      const written = writePurchaseOrderSheet({ workbook, data });
      await workbook.commit();
      await this.audit.record({ actor: requestedBy, action: 'report.export', detail });
      return written;
    } catch (error) {
      await this.audit.record({ actor: requestedBy, action: 'report.export.failed', detail: { ...detail, error: error instanceof Error ? error.message.slice(0, 300) : String(error) } });
      throw error;
    }
  }
}
