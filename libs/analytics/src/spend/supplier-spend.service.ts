import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import type { SupplierSpend } from '../dashboard/dashboard.contract';
import { supplierSpend } from './supplier-spend.calculator';
import { AWAITING_RECEIPT_SQL, AwaitingRow, RECEIVED_SPEND_SQL, SPEND_SUPPLIERS_SQL, SpendRow, SpendSupplierRow } from './supplier-spend.queries';

/** Supplier spend of a range for some canteens, by month × category and supplier × category; the finance page and workbook both ask here. */
@Injectable()
export class SupplierSpendService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async spend(scope: { from: string; to: string; canteenIds: readonly number[] }): Promise<SupplierSpend> {
    const parameters = [scope.from, scope.to, scope.canteenIds];
    const [rows, [awaiting]] = await Promise.all([query<SpendRow>(this.dataSource, RECEIVED_SPEND_SQL, parameters), query<AwaitingRow>(this.dataSource, AWAITING_RECEIPT_SQL, parameters)]);
    const ids = [...new Set(rows.map((row) => row.supplier_id))];
    const suppliers = ids.length === 0 ? [] : await query<SpendSupplierRow>(this.dataSource, SPEND_SUPPLIERS_SQL, [ids]);
    return supplierSpend({
      range: scope,
      cells: rows.map((row) => ({ month: row.month, supplierId: row.supplier_id, category: row.category, spendFen: Number(row.spend_fen) })),
      suppliers: suppliers.map((row) => ({ id: row.id, code: row.code, name: row.name, nameEn: row.name_en })),
      awaitingReceipt: { orders: awaiting.orders, totalFen: Number(awaiting.total_fen) },
    });
  }
}
