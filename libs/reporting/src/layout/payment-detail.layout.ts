import { codeName, fill } from './labels';
import { fenToYuan, FORMATS } from './cells';
import { frameOf, labelsOf, ReportContext } from './report-context';
import { RawCell, rawRowXml, ReportSheet, WorkbookWriter } from './report-sheet';

/** One payment as the till recorded it; text fields came from imported files. */
export interface PaymentLine {
  occurredAt: Date;
  serviceDate: string;
  canteenCode: string;
  timeZone: string;
  terminal: string;
  meal: string;
  kind: string;
  channel: string;
  paidFen: number;
  subsidyFen: number;
  externalId: string;
  refundOf: string | null;
}

/** A spreadsheet holds 1,048,576 rows; longer detail continues on further sheets. */
export const MAX_DETAIL_ROWS_PER_SHEET = 1_000_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Local wall-clock time as a spreadsheet serial, with the zone offset looked up once per hour
 * through one formatter per zone: each Intl.DateTimeFormat holds native ICU memory, and a new one
 * an hour of payments left hundreds of them to the garbage collector in a month's report.
 */
class LocalTime {
  private readonly offsets = new Map<string, number>();
  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  serial(moment: Date, timeZone: string): number {
    const ms = moment.getTime();
    const key = `${timeZone}|${Math.floor(ms / HOUR_MS)}`;
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      const parts = this.formatOf(timeZone).formatToParts(moment);
      const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
      offset = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(ms / 1000) * 1000;
      this.offsets.set(key, offset);
    }
    return (ms + offset) / DAY_MS + 25569;
  }

  private formatOf(timeZone: string): Intl.DateTimeFormat {
    let format = this.formats.get(timeZone);
    if (format === undefined) {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
      this.formats.set(timeZone, format);
    }
    return format;
  }
}

function dateSerial(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS + 25569;
}

/**
 * Streams every payment onto one or more detail sheets with a live-formula total row each. Rows are
 * written and committed one by one, so memory does not grow with the number of payments.
 */
export async function writePaymentDetail(input: { workbook: WorkbookWriter; context: ReportContext; batches: AsyncIterable<PaymentLine[]> }): Promise<{ paymentLines: number; paidFen: number }> {
  const { context } = input;
  const labels = labelsOf(context);
  const localTime = new LocalTime();
  const names = new Map<string, string>();
  const name = (code: string) => {
    let value = names.get(code);
    if (value === undefined) names.set(code, (value = codeName(context.language, code)));
    return value;
  };
  let sheet: ReportSheet | null = null;
  let styles = { dateTime: 0, date: 0, yuan: 0, text: 0 };
  let part = 0;
  let lines = 0;
  let paidFen = 0;
  let sheetPaid = 0;
  let sheetSubsidy = 0;
  const open = () => {
    part += 1;
    sheetPaid = 0;
    sheetSubsidy = 0;
    sheet = ReportSheet.open(
      input.workbook,
      frameOf(context, {
        name: part === 1 ? labels.detail : fill(labels.detailPart, { part }),
        reportTitle: labels.financeTitle,
        title: labels.detail,
        columns: [
          { header: labels.time, width: 19, format: FORMATS.dateTime },
          { header: labels.date, width: 11, format: FORMATS.date },
          { header: labels.canteen, width: 8 },
          { header: labels.terminal, width: 10 },
          { header: labels.meal, width: 9 },
          { header: labels.kind, width: 8 },
          { header: labels.channel, width: 11 },
          { header: labels.paid, width: 14, format: FORMATS.yuan },
          { header: labels.subsidy, width: 14, format: FORMATS.yuan },
          { header: labels.externalId, width: 22 },
          { header: labels.refundOf, width: 22 },
        ],
      }),
    );
    styles = {
      dateTime: sheet.styleId(FORMATS.dateTime, 'number'),
      date: sheet.styleId(FORMATS.date, 'number'),
      yuan: sheet.styleId(FORMATS.yuan, 'number'),
      text: sheet.styleId(FORMATS.text, 'text'),
    };
    return sheet;
  };
  const close = (current: ReportSheet) => {
    const last = current.currentRow - 1;
    current.endTable();
    current.add(
      [
        labels.total,
        null,
        null,
        null,
        null,
        null,
        null,
        { formula: current.sum(8, current.firstDataRow, last), result: fenToYuan(sheetPaid) },
        { formula: current.sum(9, current.firstDataRow, last), result: fenToYuan(sheetSubsidy) },
      ],
      'total',
    );
    current.finish();
  };
  for await (const batch of input.batches) {
    let current: ReportSheet = sheet ?? open();
    await current.drain();
    let xml = '';
    let rows = 0;
    for (const line of batch) {
      if (current.currentRow + rows - current.firstDataRow >= MAX_DETAIL_ROWS_PER_SHEET) {
        current.writeRawRows(xml, rows);
        xml = '';
        rows = 0;
        close(current);
        current = open();
      }
      const text = (value: string | null): RawCell => (value === null || value === '' ? null : { t: value, s: styles.text });
      xml += rawRowXml(current.currentRow + rows, [
        { n: localTime.serial(line.occurredAt, line.timeZone), s: styles.dateTime },
        { n: dateSerial(line.serviceDate), s: styles.date },
        text(line.canteenCode),
        text(line.terminal),
        text(name(line.meal)),
        text(name(line.kind)),
        text(name(line.channel)),
        { n: fenToYuan(line.paidFen), s: styles.yuan },
        { n: fenToYuan(line.subsidyFen), s: styles.yuan },
        text(line.externalId),
        text(line.refundOf),
      ]);
      rows += 1;
      if (rows === 500) {
        current.writeRawRows(xml, rows);
        xml = '';
        rows = 0;
      }
      lines += 1;
      paidFen += line.paidFen;
      sheetPaid += line.paidFen;
      sheetSubsidy += line.subsidyFen;
    }
    current.writeRawRows(xml, rows);
  }
  close(sheet ?? open());
  return { paymentLines: lines, paidFen };
}
