import { SupplierSpendService } from '@larder/analytics';
import { insertOrder } from '../support/purchase-orders-fixture';
import { openReportingContext, ReportingContext } from '../support/reporting-context';

describe('supplier spend from received purchase orders', () => {
  let context: ReportingContext;
  let spend: SupplierSpendService;

  beforeAll(async () => {
    context = await openReportingContext();
    spend = context.app.get(SupplierSpendService);
    const { dataSource } = context;
    // The rule is checked on hand-made orders alone: this file's copy of the demo drops the demo's own purchasing.
    await dataSource.query('DELETE FROM purchase_order_line');
    await dataSource.query('DELETE FROM purchase_order');
    // Received: 10 packs of vegetables at the note's ¥12.50 (ordered at ¥12), 4 of meat at the ordered price.
    await insertOrder(dataSource, {
      canteenId: 1,
      deliveryDate: '2026-10-30',
      status: 'received',
      lines: [
        { category: 'vegetables', packs: 12, packPriceFen: 1200, received: { packs: 10, packPriceFen: 1250 } },
        { category: 'meat_poultry', packs: 4, packPriceFen: 9000, received: { packs: 4, packPriceFen: null } },
      ],
    });
    await insertOrder(dataSource, {
      canteenId: 1,
      deliveryDate: '2026-11-03',
      status: 'received',
      lines: [{ category: 'seafood', packs: 3, packPriceFen: 20000, received: { packs: 3, packPriceFen: 19000 } }],
    });
    // Another canteen's, a sent (not yet received) and a cancelled order: none of them canteen 1's spend.
    await insertOrder(dataSource, {
      canteenId: 2,
      deliveryDate: '2026-11-03',
      status: 'received',
      lines: [{ category: 'seafood', packs: 1, packPriceFen: 5000, received: { packs: 1, packPriceFen: 5000 } }],
    });
    await insertOrder(dataSource, { canteenId: 1, deliveryDate: '2026-11-05', status: 'sent', lines: [{ category: 'grain_oil', packs: 2, packPriceFen: 15000 }] });
    await insertOrder(dataSource, { canteenId: 1, deliveryDate: '2026-11-06', status: 'cancelled', lines: [{ category: 'grain_oil', packs: 9, packPriceFen: 15000 }] });
  });

  afterAll(async () => {
    await context?.app.close();
    await context?.database.drop();
  });

  it('counts received lines at the delivery note, by delivery month × category and supplier × category', async () => {
    const view = await spend.spend({ from: '2026-10-15', to: '2026-11-20', canteenIds: [1] });
    expect(view.months.map((month) => [month.month, month.partial, month.totalFen, month.byCategory])).toEqual([
      ['2026-10', true, 10 * 1250 + 4 * 9000, { vegetables: 12_500, meat_poultry: 36_000 }],
      ['2026-11', true, 57_000, { seafood: 57_000 }],
    ]);
    expect(view.categories).toEqual(['meat_poultry', 'seafood', 'vegetables']);
    expect(view.totalFen).toBe(105_500);
    expect(view.suppliers.reduce((sum, supplier) => sum + supplier.totalFen, 0)).toBe(view.totalFen);
    expect(view.suppliers.every((supplier) => supplier.name.length > 0 && supplier.code.length > 0)).toBe(true);
    expect(view.awaitingReceipt).toEqual({ orders: 1, totalFen: 30_000 });
  });

  it('follows the canteens and the dates asked for', async () => {
    const both = await spend.spend({ from: '2026-11-01', to: '2026-11-30', canteenIds: [1, 2] });
    expect(both.byCategory).toEqual({ seafood: 57_000 + 5000 });
    expect(both.months).toHaveLength(1);
    expect(both.months[0].partial).toBe(false);
    const none = await spend.spend({ from: '2026-09-01', to: '2026-09-30', canteenIds: [1, 2] });
    expect(none).toMatchObject({ totalFen: 0, categories: [], suppliers: [], awaitingReceipt: { orders: 0, totalFen: 0 } });
  });
});
