import { buildDemoWorld, DemoMasterData } from './demo-master';
import type { DemoOptions, ResolvedDemoOptions } from './demo-options';
import type { DemoFeedback, DemoTransaction } from './demo-rows';
import { DemoDay, streamDemoDays } from './day-stream';

/** Anything that turns a staff number into a keyed pseudonym (ingestion's Pseudonymizer fits). */
export interface DinerPseudonymizer {
  pseudonym(identifier: string): string;
}

/** A transaction as the sale_transaction table holds it; batchId is null for ingestion to fill in. */
export type PseudonymousTransaction = Omit<DemoTransaction, 'cardNo' | 'employeeNo'> & { dinerPseudonym: string; batchId: string | null };
export type PseudonymousFeedback = Omit<DemoFeedback, 'employeeNo'> & { dinerPseudonym: string | null; batchId: string | null };

export interface DemoEnterprise {
  options: ResolvedDemoOptions;
  masters: DemoMasterData;
  /** A fresh, lazy pass over the days from the first day of history to the end of the planning horizon. */
  days(): Generator<DemoDay>;
  toTransactionRow(row: DemoTransaction, pseudonymizer: DinerPseudonymizer): PseudonymousTransaction;
  toFeedbackRow(row: DemoFeedback, pseudonymizer: DinerPseudonymizer): PseudonymousFeedback;
  /** The HR roster: each member of staff's pseudonym and the site they work at. */
  staffSites(pseudonymizer: DinerPseudonymizer): { dinerPseudonym: string; siteId: number }[];
}

/** A deterministic demo enterprise: same options, same rows, byte for byte. */
export function generateDemoEnterprise(options: DemoOptions): DemoEnterprise {
  const world = buildDemoWorld(options);
  return {
    options: world.options,
    masters: world.masters,
    days: () => streamDemoDays(world),
    toTransactionRow,
    toFeedbackRow,
    staffSites: (pseudonymizer) => {
      const { staff, sites } = world.organisation;
      return Array.from({ length: staff.count }, (_, employee) => ({ dinerPseudonym: pseudonymizer.pseudonym(staff.employeeNo[employee]), siteId: sites[staff.site[employee]].row.id }));
    },
  };
}

/** The staff number identifies the person across replaced cards, so it is what gets pseudonymised. */
export function toTransactionRow(row: DemoTransaction, pseudonymizer: DinerPseudonymizer): PseudonymousTransaction {
  const { canteenId, id, source, externalId, terminal, occurredAt, serviceDate, meal, kind, amountPaidFen, subsidyFen, channel, refundOfExternalId } = row;
  return {
    canteenId,
    id,
    source,
    externalId,
    terminal,
    dinerPseudonym: pseudonymizer.pseudonym(row.employeeNo),
    occurredAt,
    serviceDate,
    meal,
    kind,
    amountPaidFen,
    subsidyFen,
    channel,
    refundOfExternalId,
    batchId: null,
  };
}

export function toFeedbackRow(row: DemoFeedback, pseudonymizer: DinerPseudonymizer): PseudonymousFeedback {
  const { employeeNo, ...rest } = row;
  return { ...rest, dinerPseudonym: employeeNo === null ? null : pseudonymizer.pseudonym(employeeNo), batchId: null };
}
