import { CopyChunkEncoder, CopyValue, EncodedChunk } from '@larder/database';
import { DemoDay, DemoOptions, generateDemoEnterprise } from '@larder/demo-data';
import { Pseudonymizer } from '../privacy/pseudonymizer';

/** The day-stream lists of a demo day that become fact tables. */
export const DEMO_FACT_LISTS = ['menuItems', 'transactions', 'saleLines', 'production', 'waste', 'stockCounts', 'feedback', 'headcount', 'purchaseOrders', 'purchaseOrderLines'] as const;
export type DemoFactList = (typeof DEMO_FACT_LISTS)[number];

/** Which entity properties, in the table's column order, each list fills. */
export type DemoFactLayout = Record<DemoFactList, readonly string[]>;

export interface DemoFactChunk extends EncodedChunk {
  list: DemoFactList;
  /** Days of the stream finished when the chunk was cut, for progress. */
  daysDone: number;
  totalDays: number;
}

export interface DemoFactChunkRequest {
  options: DemoOptions;
  pseudonymSecret: string;
  layout: DemoFactLayout;
}

/**
 * Generates the demo's fact rows and encodes them as COPY chunks, pseudonymising diners on the way.
 * Pure of Nest and of the database, so it runs the same in a worker thread or in process; `emit`
 * may wait, which is how the writer holds the generator back.
 */
export async function produceDemoFactChunks(request: DemoFactChunkRequest, emit: (chunk: DemoFactChunk) => Promise<void>): Promise<void> {
  const enterprise = generateDemoEnterprise(request.options);
  const pseudonymizer = new Pseudonymizer(request.pseudonymSecret);
  const totalDays = enterprise.options.days + enterprise.options.futureDays;
  const encoders = new Map(DEMO_FACT_LISTS.map((list) => [list, new CopyChunkEncoder()]));
  const rowOf: Record<DemoFactList, (row: never) => Record<string, unknown>> = {
    menuItems: (row) => row,
    transactions: (row) => enterprise.toTransactionRow(row, pseudonymizer),
    saleLines: (row) => row,
    production: (row) => row,
    waste: (row) => row,
    stockCounts: (row) => row,
    feedback: (row) => enterprise.toFeedbackRow(row, pseudonymizer),
    headcount: (row) => row,
    purchaseOrders: (row) => row,
    purchaseOrderLines: (row) => row,
  };
  let daysDone = 0;
  for (const day of enterprise.days()) {
    for (const list of DEMO_FACT_LISTS) {
      const encoder = encoders.get(list)!;
      const properties = request.layout[list];
      // One array of values a list, refilled for each row: 5.7 M short-lived arrays cost the generator more garbage collection than the encoding.
      const values = new Array<CopyValue>(properties.length);
      for (const raw of day[list] as DemoDay[DemoFactList]) {
        const row = rowOf[list](raw as never);
        for (let index = 0; index < properties.length; index++) values[index] = row[properties[index]] as CopyValue;
        const full = encoder.append(values);
        if (full) await emit({ ...full, list, daysDone, totalDays });
      }
    }
    daysDone++;
  }
  for (const list of DEMO_FACT_LISTS) {
    const rest = encoders.get(list)!.take();
    if (rest) await emit({ ...rest, list, daysDone, totalDays });
  }
}
