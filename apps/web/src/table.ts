import { defuseFormula } from '../../../libs/domain/src/spreadsheet-text';
import { h } from './dom';
import { helpMark } from './widgets';

export interface Column<Row> {
  label: string;
  /** Shown in the cell. */
  cell: (row: Row) => string | Node;
  /** Written to the CSV (raw numbers, yuan not fen); the cell text when absent. */
  csv?: (row: Row) => string | number | null;
  numeric?: boolean;
  /** Long text (names, several lines) that wraps, so the table fits its card instead of scrolling sideways. */
  wrap?: boolean;
  /** An explanation of the column's measure (an ⓘ in its header). */
  help?: string;
}

/** A signed number written as text ("-12.5%") starts like a formula but is left alone. */
const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?%?$/;

function csvField(value: string | number | null): string {
  const raw = value === null ? '' : String(value);
  // Dish names, tags and comments come from imported files: a leading apostrophe keeps them text.
  const text = typeof value === 'string' && !NUMBER_TEXT.test(raw) ? defuseFormula(raw) : raw;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [columns.map((column) => csvField(column.label)).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => {
          if (column.csv) return csvField(column.csv(row));
          const cell = column.cell(row);
          return csvField(typeof cell === 'string' ? cell : (cell.textContent ?? ''));
        })
        .join(','),
    );
  }
  // The byte-order mark makes Excel read the Chinese names as UTF-8.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface TableSpec<Row> {
  id: string;
  title: string;
  columns: Column<Row>[];
  rows: Row[];
  exportLabel: string;
  emptyText: string;
  helpLabel: string;
  /** An explanation of the table's measures (an ⓘ beside its title). */
  help?: string;
  onRowClick?: (row: Row) => void;
  /** Rows shown; the CSV always holds them all. */
  limit?: number;
}

/** A titled table card with a CSV export of every row. */
export function addTable<Row>(parent: HTMLElement, spec: TableSpec<Row>): HTMLElement {
  const shown = spec.limit ? spec.rows.slice(0, spec.limit) : spec.rows;
  const body = h('tbody');
  for (const row of shown) {
    const tr = h('tr', spec.onRowClick ? { class: 'clickable', onclick: () => spec.onRowClick!(row) } : {});
    for (const column of spec.columns) tr.append(h('td', column.numeric ? { class: 'num' } : column.wrap ? { class: 'wrap' } : {}, column.cell(row)));
    body.append(tr);
  }
  const table = h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...spec.columns.map((column) => h('th', column.numeric ? { class: 'num' } : {}, column.label, column.help ? helpMark(column.help, spec.helpLabel) : null)))),
    body,
  );
  const exportButton = h('button', { type: 'button', class: 'ghost small', 'data-export': 'csv', onclick: () => download(`${spec.id}.csv`, toCsv(spec.columns, spec.rows)) }, spec.exportLabel);
  const card = h(
    'section',
    { class: 'card table-card', 'data-table': spec.id },
    h('div', { class: 'card-head' }, h('h3', {}, spec.title, spec.help ? helpMark(spec.help, spec.helpLabel) : null), exportButton),
    h('div', { class: 'table-wrap' }, spec.rows.length === 0 ? h('p', { class: 'muted' }, spec.emptyText) : table),
  );
  parent.append(card);
  return card;
}
