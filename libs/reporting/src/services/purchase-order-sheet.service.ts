import { PassThrough, type Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@larder/auth';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { PurchaseOrderService } from '@larder/procurement';
import { REPORT_LANGUAGES, ReportLanguage } from '../layout/labels';
import { createReportWorkbook } from '../layout/print-setup';
import { PdfConverterService } from './pdf-converter.service';
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
    private readonly pdf: PdfConverterService,
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
        language: language as ReportLanguage,
        period: { label: order.week ?? order.deliveryDate, from: order.deliveryDate, to: order.deliveryDate },
        canteen: order.canteen,
        generatedAt: now,
        timeZone: this.config.timezone,
      },
      order: { id: order.id, status: order.status, orderDate: order.orderDate, orderCutoff: order.orderCutoff, deliveryDate: order.deliveryDate, leadTimeDays: order.leadTimeDays },
      supplier: order.supplier,
      canteen: order.canteen,
      lines: order.lines
        .filter((line) => line.packs > 0)
        .map((line) => ({
          ingredient: line.ingredient,
          unit: line.ingredient.unit,
          sku: line.sku,
          packSize: line.packSize,
          packs: line.packs,
          packPriceFen: line.packPriceFen,
        })),
    };
    const fileName = `larder-purchase-order-${order.supplier.code}-${order.deliveryDate}-${order.canteen.code}-${language}.xlsx`;
    return { fileName, data };
  }

  /** Streams the workbook and records the export, complete or failed. */
  async write(prepared: PreparedOrderSheet, output: Writable, requestedBy: string): Promise<{ amountFen: number }> {
    return this.audited(prepared, requestedBy, 'xlsx', async () => {
      const workbook = createReportWorkbook(output, { generatedAt: prepared.data.context.generatedAt });
      const written = writePurchaseOrderSheet({ workbook, data: prepared.data });
      await workbook.commit();
      return written;
    });
  }

  /** Whether this server can print the sheet to PDF (LibreOffice installed); otherwise the workbook prints as it is. */
  pdfAvailable(): Promise<boolean> {
    return this.pdf.available();
  }

  /** The same sheet as LibreOffice prints it on A4, as a PDF. */
  async pdfOf(prepared: PreparedOrderSheet, requestedBy: string): Promise<Buffer> {
    return this.audited(prepared, requestedBy, 'pdf', async () => {
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on('data', (chunk: Buffer) => chunks.push(chunk));
      const workbook = createReportWorkbook(sink, { generatedAt: prepared.data.context.generatedAt });
      writePurchaseOrderSheet({ workbook, data: prepared.data });
      await workbook.commit();
      return this.pdf.toPdf(Buffer.concat(chunks));
    });
  }

  private async audited<T>(prepared: PreparedOrderSheet, requestedBy: string, format: 'xlsx' | 'pdf', produce: () => Promise<T>): Promise<T> {
    const { data } = prepared;
    const detail = {
      kind: 'purchase-order',
      orderId: data.order.id,
      period: data.order.deliveryDate,
      from: data.order.deliveryDate,
      to: data.order.deliveryDate,
      canteens: [data.canteen.code],
      language: data.context.language,
      ...(format === 'pdf' ? { format } : {}),
    };
    try {
      const result = await produce();
      await this.audit.record({ actor: requestedBy, action: 'report.export', detail });
      return result;
    } catch (error) {
      await this.audit.record({ actor: requestedBy, action: 'report.export.failed', detail: { ...detail, error: error instanceof Error ? error.message.slice(0, 300) : String(error) } });
      throw error;
    }
  }
}
