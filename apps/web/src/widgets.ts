import type { Kpi } from './contract';
import { h } from './dom';

/** A KPI card: the figure, its change against the previous range, and a sparkline of its trend. */
export function kpiCard(params: {
  id: string;
  label: string;
  kpi: Kpi;
  format: (value: number | null) => string;
  previousLabel: string;
  higherIsBetter?: boolean;
  help?: { text: string; label: string };
}): HTMLElement {
  const { kpi } = params;
  const delta = kpi.value !== null && kpi.previous !== null && kpi.previous !== 0 ? (kpi.value - kpi.previous) / Math.abs(kpi.previous) : null;
  const better = delta === null || delta === 0 ? null : delta > 0 === (params.higherIsBetter ?? true);
  const deltaText = delta === null ? '' : `${delta > 0 ? '▲' : delta < 0 ? '▼' : '■'} ${(Math.abs(delta) * 100).toFixed(1)}%`;
  return h(
    'div',
    { class: 'kpi card', 'data-kpi': params.id },
    h('div', { class: 'kpi-label' }, params.label, params.help ? helpMark(params.help.text, params.help.label) : null),
    h('div', { class: 'kpi-value' }, params.format(kpi.value)),
    h('div', { class: `kpi-delta ${better === null ? '' : better ? 'good' : 'bad'}` }, deltaText, deltaText ? h('span', { class: 'muted' }, ` ${params.previousLabel}`) : ''),
    sparkline(kpi.trend.map((point) => point.value)),
  );
}

/** Inline SVG: eight sparklines as ECharts instances would cost more than the rest of the page. */
function sparkline(values: (number | null)[]): SVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 100 24');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'spark');
  const present = values.filter((value): value is number => value !== null);
  if (present.length < 2) return svg;
  const min = Math.min(...present);
  const span = Math.max(...present) - min || 1;
  const step = 100 / (values.length - 1);
  let path = '';
  values.forEach((value, index) => {
    if (value === null) return;
    path += `${path === '' || values[index - 1] === null ? 'M' : 'L'}${(index * step).toFixed(1)},${(22 - ((value - min) / span) * 20).toFixed(1)}`;
  });
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  line.setAttribute('d', path);
  svg.append(line);
  return svg;
}

export function grid(className = 'grid'): HTMLElement {
  return h('div', { class: className });
}

export function badge(text: string, tone: 'good' | 'bad' | 'warn' | 'info' | 'muted' = 'muted'): HTMLElement {
  return h('span', { class: `badge ${tone}` }, text);
}

/** An ⓘ whose title explains a measure; focusable, so it reads on touch and by keyboard too. */
export function helpMark(text: string, label: string): HTMLElement {
  return h('span', { class: 'help', tabindex: 0, role: 'img', title: text, 'aria-label': `${label}: ${text}`, 'data-help': '' }, 'ⓘ');
}

/**
 * A file input in the page's language: the browser draws its own button and "no file chosen" in
 * the browser's language, so the input is hidden behind a label-button and the chosen name shown.
 */
export function filePicker(input: HTMLInputElement, text: { choose: string; none: string }): HTMLElement {
  input.classList.add('visually-hidden');
  const chosen = h('span', { class: 'muted small', 'data-file-chosen': '' }, text.none);
  input.addEventListener('change', () => {
    chosen.textContent = input.files?.[0]?.name ?? text.none;
  });
  return h('span', { class: 'file-picker' }, h('span', { class: 'button', 'aria-hidden': 'true' }, text.choose), chosen, input);
}
