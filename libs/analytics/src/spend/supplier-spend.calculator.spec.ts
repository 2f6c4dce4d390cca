import { supplierSpend } from './supplier-spend.calculator';

const suppliers = [
  { id: 1, code: 'S01', name: '鲜达', nameEn: 'Xianda' },
  { id: 2, code: 'S02', name: '海丰', nameEn: null },
];
const none = { orders: 0, totalFen: 0 };

describe('supplier spend by month and category', () => {
  it('lays every month of the range out, partial ones marked, and adds months, suppliers and categories to one total', () => {
    const spend = supplierSpend({
      range: { from: '2026-10-15', to: '2026-12-10' },
      cells: [
        { month: '2026-10', supplierId: 1, category: 'vegetables', spendFen: 1000 },
        { month: '2026-10', supplierId: 2, category: 'seafood', spendFen: 5000 },
        { month: '2026-12', supplierId: 1, category: 'meat_poultry', spendFen: 700 },
        { month: '2026-12', supplierId: 1, category: 'vegetables', spendFen: 300 },
      ],
      suppliers,
      awaitingReceipt: { orders: 2, totalFen: 900 },
    });
    expect(spend.months.map((month) => [month.month, month.partial, month.days, month.totalFen])).toEqual([
      ['2026-10', true, 17, 6000],
      ['2026-11', false, 30, 0],
      ['2026-12', true, 10, 1000],
    ]);
    expect(spend.months[1].byCategory).toEqual({});
    expect(spend.categories).toEqual(['meat_poultry', 'seafood', 'vegetables']);
    expect(spend.byCategory).toEqual({ vegetables: 1300, seafood: 5000, meat_poultry: 700 });
    expect(spend.suppliers.map((supplier) => [supplier.code, supplier.totalFen, supplier.byCategory])).toEqual([
      ['S02', 5000, { seafood: 5000 }],
      ['S01', 2000, { vegetables: 1300, meat_poultry: 700 }],
    ]);
    expect(spend.totalFen).toBe(7000);
    expect(spend.months.reduce((sum, month) => sum + month.totalFen, 0)).toBe(spend.totalFen);
    expect(spend.awaitingReceipt).toEqual({ orders: 2, totalFen: 900 });
  });

  it('counts an unknown category as other, ignores months outside the range, and names a supplier it cannot find by id', () => {
    const spend = supplierSpend({
      range: { from: '2026-11-01', to: '2026-11-30' },
      cells: [
        { month: '2026-11', supplierId: 9, category: 'gadgets', spendFen: 400 },
        { month: '2026-12', supplierId: 1, category: 'vegetables', spendFen: 999 },
      ],
      suppliers,
      awaitingReceipt: none,
    });
    expect(spend.months).toHaveLength(1);
    expect(spend.months[0]).toMatchObject({ partial: false, totalFen: 400, byCategory: { other: 400 } });
    expect(spend.suppliers).toEqual([{ id: 9, code: '9', name: '9', nameEn: null, byCategory: { other: 400 }, totalFen: 400 }]);
    expect(spend.totalFen).toBe(400);
  });

  it('is all zeros, with no categories, when nothing was received', () => {
    const spend = supplierSpend({ range: { from: '2026-11-01', to: '2026-11-30' }, cells: [], suppliers: [], awaitingReceipt: none });
    expect(spend).toMatchObject({ categories: [], suppliers: [], totalFen: 0, byCategory: {} });
  });
});
