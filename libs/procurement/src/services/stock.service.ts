import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query } from '@larder/database';
import { addDays, type IsoDate } from '@larder/domain';
import { noneUsable, type NoneUsable } from '../planning/none-usable';
import { localMoment } from './planning-clock';
import { PlanningDataLoader } from './planning-data.loader';
import { INGREDIENTS_SQL, IngredientRow, RECEIVED_SQL, ReceivedRow } from './stock.queries';

/** One ingredient's stock at a canteen on a day, in the ingredient's unit. */
export interface StockLineView {
  ingredientId: number;
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  /** The latest count on or before the day, null without one. */
  counted: number | null;
  /** Delivered by received orders since the count, up to the day. */
  received: number;
  /** Usable on the day: the count less what was cooked and spoiled since, plus deliveries, as the next plan nets it. */
  onHand: number;
  /** Committed orders (approved, sent) still to arrive after the day. */
  onTheWay: number;
  /** Why nothing is usable on the day; null when something is. */
  noneUsable: NoneUsable | null;
}

export interface StockView {
  canteenId: number;
  date: IsoDate;
  countedOn: IsoDate | null;
  lines: StockLineView[];
}

/** Stock on hand as the planner nets it, shown to the buyer: counts, what was received since, what is usable and what is on the way. */
@Injectable()
export class StockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly loader: PlanningDataLoader,
  ) {}

  async stock(params: { canteenId: number; date?: IsoDate }): Promise<StockView> {
    await this.loader.requireCanteen(params.canteenId);
    const date = params.date ?? localMoment(new Date(), this.config.timezone).date;
    const catalogue = await this.loader.catalogue();
    // Use counted up to the day itself, so what is left is what the day starts with.
    const { lots, countedOn, counted: countedBy } = await this.loader.openingStock({ canteenId: params.canteenId, today: date, useUntil: addDays(date, 1), catalogue });
    const received = countedOn === null ? [] : await query<ReceivedRow>(this.dataSource, RECEIVED_SQL, [params.canteenId, countedOn, date]);
    const ingredients = await query<IngredientRow>(this.dataSource, INGREDIENTS_SQL);
    const receivedBy = new Map(received.map((row) => [row.ingredient_id, row.quantity]));
    const lines: StockLineView[] = [];
    for (const ingredient of ingredients) {
      const id = ingredient.id;
      const ingredientLots = lots.get(`${params.canteenId}|${id}`) ?? [];
      const onHand = ingredientLots.filter((lot) => lot.availableFrom <= date && lot.usableUntil >= date).reduce((sum, lot) => sum + lot.quantity, 0);
      const onTheWay = ingredientLots.filter((lot) => lot.availableFrom > date).reduce((sum, lot) => sum + lot.quantity, 0);
      const counted = countedBy.get(id) ?? null;
      const receivedQuantity = round3(receivedBy.get(id) ?? 0);
      const line = {
        ingredientId: id,
        code: ingredient.code,
        name: ingredient.name,
        nameEn: ingredient.name_en,
        unit: ingredient.unit,
        counted,
        received: receivedQuantity,
        onHand: round3(onHand),
        onTheWay: round3(onTheWay),
        noneUsable: noneUsable({ lots: ingredientLots, date, counted, received: receivedQuantity }),
      };
      if (line.counted !== null || line.received > 0 || line.onHand > 0 || line.onTheWay > 0) lines.push(line);
    }
    return { canteenId: params.canteenId, date, countedOn, lines };
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
