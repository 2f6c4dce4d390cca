/** One purchase order opened on the Purchasing page: terms, lines, changes; a manager changes packs, sends, receives or cancels it. */
import { errorNotice, say } from '../admin-widgets';
import { fenToYuan, yuanToFen } from '../../../../libs/domain/src/money';
import { api } from '../api';
import { confirmDialog } from '../dialog';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { FieldLabels } from '../error-text';
import type { PageContext } from '../page-context';
import { badge } from '../widgets';
import { toYuan } from '../format';
import { localName } from '../../../../libs/domain/src/local-name';

interface Named {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}
/** The shape of GET /api/purchase-orders/:id (libs/procurement PurchaseOrderDetail), as far as the page reads it. */
export interface OrderDetail {
  id: string;
  canteenId: number;
  status: string;
  orderDate: string;
  deliveryDate: string;
  totalFen: number;
  week: string | null;
  orderCutoff: string | null;
  leadTimeDays: number | null;
  late: boolean;
  editable: boolean;
  nextStatuses: string[];
  supplier: Named & { contact: string | null; address: string | null; phone: string | null };
  canteen: Named;
  lines: {
    supplierItemId: number;
    sku: string;
    packSize: number;
    packs: number;
    packPriceFen: number;
    amountFen: number;
    minOrderPacks: number;
    ingredient: Named & { unit: string };
    receivedPacks: number | null;
    receivedPackPriceFen: number | null;
    receivedAmountFen: number | null;
    differences: string[];
  }[];
  receivedTotalFen: number | null;
  edits: { at: string; actor: string; supplierItemId: number; fromPacks: number; toPacks: number; reason: string }[];
}

type Line = OrderDetail['lines'][number];

/** The labels the dialogs show for the fields the API may refuse: a line's packs, the receipt, a cancellation. */
const LINE_FIELDS: FieldLabels = { packs: 'packs', reason: 'reason' };
const RECEIPT_FIELDS: FieldLabels = { packs: 'receivedPacks', packPriceFen: 'receivedPrice', note: 'receiveNote' };
const MOVE_FIELDS: FieldLabels = { reason: 'reason' };

/** The mark of an order that cannot arrive before the day its items are needed, in the list and on the order. */
export function lateBadge(t: PageContext['t']): HTMLElement {
  const mark = badge(t('lateOrder'), 'warn');
  mark.dataset.late = '';
  return mark;
}

const ACTION_LABELS: Record<string, 'sendOrder' | 'receiveOrder' | 'cancelOrder'> = { sent: 'sendOrder', received: 'receiveOrder', cancelled: 'cancelOrder' };

export async function orderPanel(context: PageContext, orderId: string, mayOwn: boolean): Promise<HTMLElement> {
  const { t, f, lang } = context;
  const [order, formats] = await Promise.all([api.get<OrderDetail>(`/api/purchase-orders/${orderId}`), api.get<{ pdf: boolean }>('/api/purchase-orders/sheet-formats')]);
  const name = (entry: Named) => localName(entry, lang);
  const unit = (code: string) => textOr(t, `unit.${code}`, code);
  const itemName = (id: number) => {
    const line = order.lines.find((entry) => entry.supplierItemId === id);
    return line ? name(line.ingredient) : String(id);
  };
  const message = h('p', { class: 'form-message', role: 'alert', 'data-order-message': '' });
  const terms: [string, string][] = [
    [t('supplier'), name(order.supplier)],
    [t('contact'), order.supplier.contact ?? '–'],
    [t('phone'), order.supplier.phone ?? '–'],
    [t('address'), order.supplier.address ?? '–'],
    [t('orderCanteen'), name(order.canteen)],
    [t('orderBy'), `${order.orderDate} ${order.orderCutoff ?? ''}`.trim()],
    [t('delivery'), order.deliveryDate],
    [t('leadTime'), order.leadTimeDays === null ? '–' : t('leadDays', { n: order.leadTimeDays })],
  ];
  const buttons: HTMLElement[] = [];
  if (mayOwn) {
    for (const status of order.nextStatuses) {
      const act = status === 'received' ? () => void receive(context, order, message) : () => void move(context, order, status, message);
      buttons.push(h('button', { type: 'button', class: status === 'cancelled' ? '' : 'primary', 'data-action': `order-${status}`, onclick: act }, t(ACTION_LABELS[status] ?? 'confirm')));
    }
  }
  buttons.push(h('a', { class: 'button', 'data-action': 'order-sheet', href: `/api/purchase-orders/${order.id}/sheet?lang=${lang}`, download: '' }, t('downloadOrder')));
  if (formats.pdf)
    buttons.push(h('a', { class: 'button', 'data-action': 'order-sheet-pdf', href: `/api/purchase-orders/${order.id}/sheet?lang=${lang}&format=pdf`, download: '' }, t('downloadOrderPdf')));
  buttons.push(h('button', { type: 'button', 'data-action': 'close-order', onclick: () => context.go({ order: null }) }, t('closeOrder')));
  const panel = h(
    'section',
    { class: 'card', 'data-view': 'order', 'data-order-status': order.status },
    h(
      'h3',
      {},
      `${t('orderTitle')} · ${name(order.supplier)} · ${order.deliveryDate} `,
      badge(textOr(t, `status.${order.status}`, order.status), order.status === 'received' ? 'good' : order.status === 'cancelled' ? 'muted' : 'warn'),
      order.late ? lateBadge(t) : null,
    ),
    order.late ? h('p', { class: 'warn-text', 'data-notice': 'late-order' }, t('lateOrderNote')) : null,
    h('dl', { class: 'terms' }, ...terms.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
    order.status === 'draft' ? h('p', { class: 'muted small' }, t('draftOrderNote')) : null,
    h('div', { class: 'actions' }, ...buttons),
    formats.pdf ? null : h('p', { class: 'muted small', 'data-note': 'order-prints-as-is' }, t('orderPrintsAsIs')),
    message,
  );
  context.table(panel, {
    id: `order-lines-${order.id}`,
    title: t('orderTitle'),
    rows: order.lines,
    columns: [
      { label: t('ingredient'), cell: (row) => name(row.ingredient) },
      { label: t('sku'), cell: (row) => row.sku },
      { label: t('pack'), cell: (row) => `${f.number(row.packSize, Number.isInteger(row.packSize) ? 0 : 2)} ${unit(row.ingredient.unit)}`, csv: (row) => row.packSize },
      { label: t('packs'), cell: (row) => (order.editable && mayOwn ? packsCell(context, order, row, message) : f.number(row.packs)), csv: (row) => row.packs, numeric: true },
      { label: t('unitPrice'), cell: (row) => f.yuan(row.packPriceFen, 2), csv: (row) => toYuan(row.packPriceFen), numeric: true },
      { label: t('total'), cell: (row) => f.yuan(row.amountFen, 2), csv: (row) => toYuan(row.amountFen), numeric: true },
      ...(order.receivedTotalFen === null
        ? []
        : [
            { label: t('receivedPacks'), cell: (row: Line) => f.number(row.receivedPacks), csv: (row: Line) => row.receivedPacks, numeric: true },
            { label: t('receivedAmount'), cell: (row: Line) => f.yuan(row.receivedAmountFen, 2), csv: (row: Line) => toYuan(row.receivedAmountFen ?? 0), numeric: true },
            {
              label: t('differences'),
              csv: (row: Line) => row.differences.join(' '),
              cell: (row: Line) => h('span', { 'data-differences': row.differences.join(' ') }, ...row.differences.map((code) => badge(textOr(t, `diff.${code}`, code), 'bad'))),
            },
          ]),
    ],
  });
  panel.append(h('p', { class: 'order-total', 'data-order-total': order.totalFen }, `${t('total')}: ${f.yuan(order.totalFen, 2)}`));
  if (order.receivedTotalFen !== null) panel.append(h('p', { class: 'order-total', 'data-received-total': order.receivedTotalFen }, `${t('receivedTotal')}: ${f.yuan(order.receivedTotalFen, 2)}`));
  if (order.edits.length > 0) {
    context.table(panel, {
      id: `order-edits-${order.id}`,
      title: t('orderEdits'),
      rows: order.edits,
      columns: [
        { label: t('at'), cell: (row) => f.dateTime(row.at), csv: (row) => row.at },
        { label: t('ingredient'), cell: (row) => itemName(row.supplierItemId) },
        // An order's edits count packs, not portions as a plan's overrides do.
        { label: t('previousPacks'), cell: (row) => f.number(row.fromPacks), csv: (row) => row.fromPacks, numeric: true },
        { label: t('newPacks'), cell: (row) => f.number(row.toPacks), csv: (row) => row.toPacks, numeric: true },
        { label: t('reason'), cell: (row) => row.reason },
        { label: t('by'), cell: (row) => row.actor },
      ],
    });
  }
  return panel;
}

/** The packs of a line with a button that asks for the new number and the reason. */
function packsCell(context: PageContext, order: OrderDetail, row: OrderDetail['lines'][number], message: HTMLElement): HTMLElement {
  const { t, f, lang } = context;
  const edit = async () => {
    const packs = h('input', { type: 'number', name: 'packs', min: 0, step: 1, value: row.packs, style: 'width:7em' });
    const reason = h('input', { type: 'text', name: 'order-reason', placeholder: t('reason'), style: 'width:100%' });
    const item = localName(row.ingredient, lang);
    const ok = await confirmDialog({
      id: 'order-line',
      title: t('editPacksTitle', { item }),
      confirmLabel: t('save'),
      cancelLabel: t('cancel'),
      body: [h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('packs')), packs), h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('reason')), reason)],
    });
    if (!ok) return;
    const value = Number(packs.value);
    if (!Number.isInteger(value) || value < 0 || packs.value.trim() === '') return say(message, t('packsRule'));
    if (!reason.value.trim()) return say(message, t('reasonRequired'));
    await run(context, () => api.patch(`/api/purchase-orders/${order.id}/lines/${row.supplierItemId}`, { packs: value, reason: reason.value.trim() }), message, LINE_FIELDS);
  };
  return h(
    'span',
    { class: 'packs' },
    `${f.number(row.packs)} `,
    h('button', { type: 'button', class: 'link', 'data-action': 'edit-line', 'data-item': row.supplierItemId, onclick: () => void edit() }, t('editPacks')),
  );
}

async function move(context: PageContext, order: OrderDetail, status: string, message: HTMLElement): Promise<void> {
  const { t } = context;
  let reason: string | undefined;
  if (status === 'cancelled') {
    const input = h('input', { type: 'text', name: 'order-reason', placeholder: t('reason'), style: 'width:100%' });
    const ok = await confirmDialog({ id: 'order-cancel', title: t('cancelOrderTitle'), confirmLabel: t('cancelOrder'), cancelLabel: t('cancel'), body: [input] });
    if (!ok) return;
    reason = input.value.trim();
    if (!reason) return say(message, t('reasonRequired'));
  }
  await run(context, () => api.post(`/api/purchase-orders/${order.id}/status`, reason ? { status, reason } : { status }), message, MOVE_FIELDS);
}

/** 验收入库: what each line delivered (prefilled as ordered); only the lines that differ are sent. */
async function receive(context: PageContext, order: OrderDetail, message: HTMLElement): Promise<void> {
  const { t, lang } = context;
  const inputs = order.lines.map((line) => ({
    line,
    packs: h('input', { type: 'number', name: `received-${line.supplierItemId}`, min: 0, step: 1, value: line.packs, style: 'width:6em' }),
    price: h('input', { type: 'number', name: `price-${line.supplierItemId}`, min: 0, step: 0.01, value: fenToYuan(line.packPriceFen).toFixed(2), style: 'width:7em' }),
  }));
  const note = h('input', { type: 'text', name: 'receive-note', placeholder: t('receiveNote'), style: 'width:100%' });
  const table = h(
    'table',
    {},
    h('thead', {}, h('tr', {}, h('th', {}, t('ingredient')), h('th', { class: 'num' }, t('packs')), h('th', { class: 'num' }, t('receivedPacks')), h('th', { class: 'num' }, t('receivedPrice')))),
    h(
      'tbody',
      {},
      ...inputs.map(({ line, packs, price }) =>
        h('tr', {}, h('td', {}, localName(line.ingredient, lang)), h('td', { class: 'num' }, String(line.packs)), h('td', { class: 'num' }, packs), h('td', { class: 'num' }, price)),
      ),
    ),
  );
  const ok = await confirmDialog({ id: 'order-receive', title: t('receiveTitle'), confirmLabel: t('receiveOrder'), cancelLabel: t('cancel'), body: [table, note] });
  if (!ok) return;
  const lines: { supplierItemId: number; packs: number; packPriceFen: number }[] = [];
  for (const { line, packs, price } of inputs) {
    const received = Number(packs.value);
    const fen = yuanToFen(Number(price.value));
    if (packs.value.trim() === '' || price.value.trim() === '' || !Number.isInteger(received) || received < 0 || !Number.isFinite(fen) || fen < 0) return say(message, t('receiveRule'));
    if (received !== line.packs || fen !== line.packPriceFen) lines.push({ supplierItemId: line.supplierItemId, packs: received, packPriceFen: fen });
  }
  const text = note.value.trim();
  await run(context, () => api.post(`/api/purchase-orders/${order.id}/receipt`, text ? { lines, note: text } : { lines }), message, RECEIPT_FIELDS);
}

/** Sends a change and redraws; a refusal is said in the page's language, the API's words as a tooltip. */
async function run(context: PageContext, call: () => Promise<unknown>, message: HTMLElement, fields: FieldLabels): Promise<void> {
  try {
    await call();
    context.go({});
  } catch (error) {
    say(message, errorNotice(context.t, error, { fields }));
  }
}
