/** 货比三家 on the Purchasing page: each ingredient's suppliers side by side, the planner's choice and the month's saving. */
import { addDays, isoWeekStart } from '../../../../libs/domain/src/local-date';
import { api } from '../api';
import { COLOURS } from '../charts';
import { h } from '../dom';
import { toYuan } from '../format';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { badge, grid } from '../widgets';
import { localName } from '../../../../libs/domain/src/local-name';

/** GET /api/supplier-comparison (libs/procurement SupplierComparisonService), as far as the panel reads it. */
interface Offer {
  supplierItemId: number;
  supplierId: number;
  packSize: number;
  minOrderPacks: number;
  leadTimeDays: number;
  packPrices: (number | null)[];
  priceRise: number | null;
  monthCostFen: number | null;
  costPerUsableUnitFen: number | null;
  late: boolean;
  notFresh: boolean;
}
interface IngredientRow {
  ingredientId: number;
  shelfLifeDays: number;
  neededQuantity: number;
  offers: Offer[];
  chosenSupplierItemId: number | null;
  reason: string;
  lastMonthSupplierItemId: number | null;
  chosenCostFen: number;
  lastMonthCostFen: number;
  savingFen: number;
}
export interface SupplierComparisonView {
  month: string;
  priceMonths: string[];
  ingredients: IngredientRow[];
  chosenCostFen: number;
  lastMonthCostFen: number;
  savingFen: number;
  priceRises: number;
  suppliers: { id: number; code: string; name: string; nameEn: string }[];
  ingredientNames: { id: number; code: string; name: string; nameEn: string; unit: string }[];
}

/** The comparison for one canteen as of the plan week's last day: what the week's purchase-plan workbook puts on its sheet. */
export async function supplierComparisonPanel(context: PageContext, params: { canteenId: number; week: string }): Promise<HTMLElement> {
  const { t, f } = context;
  const asOf = addDays(isoWeekStart(params.week), 6);
  const view = await api.get<SupplierComparisonView>(`/api/supplier-comparison?canteen=${params.canteenId}&asOf=${asOf}`);
  const names = new Map(view.ingredientNames.map((row) => [row.id, row]));
  const supplierNames = new Map(view.suppliers.map((row) => [row.id, localName(row, context.lang)]));
  const ingredientName = (row: IngredientRow) => {
    const named = names.get(row.ingredientId);
    return named ? localName(named, context.lang) : String(row.ingredientId);
  };
  const offerOf = (row: IngredientRow, id: number | null) => row.offers.find((offer) => offer.supplierItemId === id);
  const supplierOf = (offer: Offer | undefined) => (offer ? (supplierNames.get(offer.supplierId) ?? String(offer.supplierId)) : '–');
  const unit = (row: IngredientRow) => textOr(t, `unit.${names.get(row.ingredientId)?.unit ?? ''}`, names.get(row.ingredientId)?.unit ?? '');
  const compared = view.ingredients.filter((row) => row.offers.length >= 2).sort((a, b) => b.savingFen - a.savingFen || a.ingredientId - b.ingredientId);

  const section = h('section', { class: 'card', 'data-panel': 'supplier-comparison', 'data-month': view.month });
  section.append(h('h3', {}, t('comparison.title', { month: view.month })), h('p', { class: 'muted small' }, t('comparison.hint')));
  const kpi = (id: string, label: string, value: string) => h('div', { class: 'kpi card', 'data-kpi': id }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value));
  const cards = grid('grid kpis');
  cards.append(
    kpi('comparison-chosen', t('comparison.chosenCost'), f.yuan(view.chosenCostFen)),
    kpi('comparison-last-month', t('comparison.lastMonthCost'), f.yuan(view.lastMonthCostFen)),
    kpi('comparison-saving', t('comparison.saving'), f.yuan(view.savingFen)),
    kpi('comparison-rises', t('comparison.rises'), f.number(view.priceRises)),
    kpi('comparison-compared', t('comparison.compared'), f.number(compared.length)),
  );
  section.append(cards);

  context.table(section, {
    id: `supplier-comparison-${view.month}`,
    title: t('comparison.table', { n: compared.length }),
    rows: compared,
    limit: 200,
    columns: [
      { label: t('ingredient'), cell: ingredientName },
      {
        label: t('comparison.offers'),
        wrap: true,
        cell: (row) =>
          h(
            'span',
            {},
            ...row.offers.map((offer) =>
              h(
                'span',
                { class: 'offer', 'data-offer': offer.supplierItemId },
                `${supplierOf(offer)} ${offer.packSize}\u00a0${unit(row)} · ${f.yuan(offer.costPerUsableUnitFen, 2)}/${unit(row)} · ${t('leadDays', { n: offer.leadTimeDays })} `,
                offer.priceRise !== null ? badge(`${t('comparison.rise')} ${f.pct(offer.priceRise)}`, 'warn') : null,
                h('br'),
              ),
            ),
          ),
        csv: (row) => row.offers.map((offer) => `${supplierOf(offer)} ${offer.costPerUsableUnitFen === null ? '' : toYuan(offer.costPerUsableUnitFen)}`).join('; '),
      },
      // Supplier names are long: these wrap, so the cost and the saving stay on screen.
      { label: t('comparison.chosen'), wrap: true, cell: (row) => supplierOf(offerOf(row, row.chosenSupplierItemId)) },
      { label: t('reason'), wrap: true, cell: (row) => textOr(t, `comparison.reason.${row.reason}`, row.reason), csv: (row) => row.reason },
      { label: t('comparison.lastMonth'), wrap: true, cell: (row) => supplierOf(offerOf(row, row.lastMonthSupplierItemId)) },
      { label: t('comparison.chosenCost'), cell: (row) => f.yuan(row.chosenCostFen, 2), csv: (row) => toYuan(row.chosenCostFen), numeric: true },
      { label: t('comparison.saving'), cell: (row) => f.yuan(row.savingFen, 2), csv: (row) => toYuan(row.savingFen), numeric: true },
    ],
  });

  // Prices over time, side by side, for one ingredient at a time (the largest saving first).
  if (compared.length > 0) {
    const select = h('select', { name: 'comparison-ingredient' }, ...compared.map((row) => h('option', { value: row.ingredientId }, ingredientName(row))));
    const charts = grid('grid');
    const draw = () => {
      const row = compared.find((entry) => entry.ingredientId === Number(select.value)) ?? compared[0]!;
      charts.replaceChildren();
      context.chart(charts, {
        id: 'supplier-prices',
        title: `${t('comparison.prices')} · ${ingredientName(row)} (¥/${unit(row)})`,
        height: 280,
        option: {
          legend: { top: 4, left: 8 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: view.priceMonths },
          yAxis: { type: 'value', name: '¥' },
          series: row.offers.map((offer, index) => ({
            name: supplierOf(offer),
            type: 'line',
            data: offer.packPrices.map((fen) => (fen === null ? null : Math.round((fen / offer.packSize) * 100) / 10000)),
            color: [COLOURS.forecast, COLOURS.actual, COLOURS.warn, COLOURS.bad][index % 4],
          })),
        },
      });
    };
    select.addEventListener('change', draw);
    section.append(h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('ingredient')), select), charts);
    draw();
  }
  return section;
}
