import { lineAmountFen, linePacksProblem, ORDER_MOVES, ORDER_STATUSES, orderEditProblem, orderMoveProblem, receiptDifferences, receivedLineProblem, surplusValueFen } from './order-rules';

describe('purchase order rules', () => {
  it('allows approved → sent → received and cancelling before receipt, nothing else', () => {
    const allowed = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.filter((to) => orderMoveProblem(from, to) === null).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['approved→sent', 'approved→cancelled', 'sent→received', 'sent→cancelled']);
    expect(orderMoveProblem('draft', 'sent')).toMatch(/follows its plan/);
    expect(orderMoveProblem('received', 'cancelled')).toBe('a received order is final');
    expect(orderMoveProblem('sent', 'approved')).toBe('a sent order can only be received or cancelled, not approved');
    expect(ORDER_MOVES.cancelled).toEqual([]);
  });

  it('edits lines only between approval and sending', () => {
    expect(ORDER_STATUSES.filter((status) => orderEditProblem(status) === null)).toEqual(['approved']);
  });

  it('prices whole packs and keeps to the supplier minimum', () => {
    expect(lineAmountFen(3, 1250)).toBe(3750);
    expect(linePacksProblem(0, 4)).toBeNull();
    expect(linePacksProblem(4, 4)).toBeNull();
    expect(linePacksProblem(2, 4)).toMatch(/at least 4 packs/);
    expect(linePacksProblem(-1, 1)).toMatch(/0 or more/);
    expect(linePacksProblem(1.5, 1)).toMatch(/whole number/);
  });

  it('values the rounding surplus as a share of a pack at the pack price, to whole fen, never below none', () => {
    expect(surplusValueFen({ packs: 2, packSize: 10, neededQuantity: 12, packPriceFen: 6000 })).toBe(4800);
    expect(surplusValueFen({ packs: 1, packSize: 3, neededQuantity: 2, packPriceFen: 1000 })).toBe(333);
    expect(surplusValueFen({ packs: 1, packSize: 3, neededQuantity: 1, packPriceFen: 1000 })).toBe(667);
    expect(surplusValueFen({ packs: 2, packSize: 25, neededQuantity: 50, packPriceFen: 12500 })).toBe(0);
    // A line cut below its need (packs edited down) has no surplus, not a negative one.
    expect(surplusValueFen({ packs: 1, packSize: 10, neededQuantity: 14, packPriceFen: 6000 })).toBe(0);
  });
});

describe('receiving an order', () => {
  it('flags short and over deliveries and price changes against the order', () => {
    expect(receiptDifferences({ packs: 10, packPriceFen: 500 }, { packs: 10, packPriceFen: 500 })).toEqual([]);
    expect(receiptDifferences({ packs: 10, packPriceFen: 500 }, { packs: 7, packPriceFen: 520 })).toEqual(['short', 'price-up']);
    expect(receiptDifferences({ packs: 10, packPriceFen: 500 }, { packs: 12, packPriceFen: 450 })).toEqual(['over', 'price-down']);
  });

  it('refuses parts of packs and negative figures', () => {
    expect(receivedLineProblem({ packs: 0, packPriceFen: 0 })).toBeNull();
    expect(receivedLineProblem({ packs: 2.5, packPriceFen: 100 })).toMatch(/whole number/);
    expect(receivedLineProblem({ packs: 2, packPriceFen: -1 })).toMatch(/whole fen/);
  });
});
