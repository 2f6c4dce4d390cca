import type { ProposedSlot, SlotFigures } from './menu-proposal-types';

/** One side of the what-if over the whole cycle: per cover (cover-weighted) and in total. */
export interface MenuWhatIfSide {
  readonly covers: number;
  readonly costFenPerCover: number;
  readonly costFen: number;
  readonly wasteKgPerCover: number;
  readonly wasteKg: number;
  readonly satisfaction: number;
  readonly subsidyFenPerCover: number;
  readonly subsidyFen: number;
}

export interface MenuWhatIf {
  readonly current: MenuWhatIfSide;
  readonly proposed: MenuWhatIfSide;
}

/**
 * Current against proposed menu over the cycle: food cost, leftovers and stars from each slot's
 * figures, and the subsidy the slot's covers get at the rule in force for its meal and day
 * (`subsidyFenPerCover[i]` belongs to `slots[i]`).
 */
export function menuWhatIf(slots: readonly ProposedSlot[], subsidyFenPerCover: readonly number[]): MenuWhatIf {
  if (subsidyFenPerCover.length !== slots.length) throw new Error(`menu what-if: ${subsidyFenPerCover.length} subsidies for ${slots.length} slots`);
  const side = (pick: (slot: ProposedSlot) => SlotFigures): MenuWhatIfSide => {
    let covers = 0;
    let costFen = 0;
    let wasteKg = 0;
    let stars = 0;
    let subsidyFen = 0;
    slots.forEach((slot, index) => {
      const figures = pick(slot);
      covers += figures.covers;
      costFen += figures.covers * figures.costFenPerCover;
      wasteKg += figures.covers * figures.wasteKgPerCover;
      stars += figures.covers * figures.satisfaction;
      subsidyFen += figures.covers * subsidyFenPerCover[index];
    });
    const per = (total: number) => (covers > 0 ? total / covers : 0);
    return {
      covers,
      costFenPerCover: per(costFen),
      costFen,
      wasteKgPerCover: per(wasteKg),
      wasteKg,
      satisfaction: per(stars),
      subsidyFenPerCover: per(subsidyFen),
      subsidyFen,
    };
  };
  return { current: side((slot) => slot.current), proposed: side((slot) => slot.proposed) };
}
