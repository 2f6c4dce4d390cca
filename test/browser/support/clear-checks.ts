/** Issue #23 "clear everywhere": what each role's pages must show in either language, checked in the browser. */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { SCROLL_AFTER } from '../../../apps/web/src/chart-readability';
import { translator, type Lang } from '../../../apps/web/src/i18n';
import { charts, openView, pointCount } from './dashboard-browser';
import { untranslated } from './untranslated-text';

/** The demo's service days (45 days to DEMO_END). */
export const DEMO_RANGE = { from: '2026-10-07', to: '2026-11-20' };

/** A range after its end: the API refuses it (VALIDATION_FAILED). */
export async function checkErrorCard(page: Page, pageId: string, lang: Lang): Promise<void> {
  const t = translator(lang);
  await openView(page, `/?page=${pageId}&from=2026-11-20&to=2026-11-01`);
  const card = page.locator('[data-view=error]');
  expect(await card.getAttribute('data-error')).toBe('VALIDATION_FAILED');
  expect(await card.locator('[data-error-sentence]').textContent()).toBe(t('errorText.VALIDATION_FAILED'));
  expect(await card.locator('[data-error-action]').textContent()).toBe(t('errorAction.VALIDATION_FAILED'));
  const shown = await card.innerText();
  expect(shown).not.toMatch(/VALIDATION_FAILED|must not be after/);
  expect(untranslated([{ text: shown, data: false }], lang)).toEqual([]);
}

/** While the page's figures are on their way, it says it is loading instead of staying blank. */
export async function checkLoading(page: Page, pageId: string, lang: Lang): Promise<void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const panel = (url: URL) => url.pathname === `/api/dashboard/${pageId}`;
  await page.route(panel, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/?page=${pageId}`);
  const loading = page.locator('[data-view=loading]');
  await loading.waitFor();
  expect(await loading.textContent()).toBe(translator(lang)('loadingPage'));
  release();
  await page.waitForFunction(
    () => (globalThis as unknown as { larder: { rendered: number; busy: boolean } }).larder.rendered > 0 && !(globalThis as unknown as { larder: { busy: boolean } }).larder.busy,
  );
  await page.unroute(panel);
  expect(await loading.count()).toBe(0);
}

/** Before the demo begins nothing can be drawn: every chart without a point says so and what to do. */
export async function checkEmptyStates(page: Page, pageId: string, lang: Lang): Promise<void> {
  await openView(page, `/?page=${pageId}&from=2026-01-05&to=2026-01-18`);
  const empty = (await charts(page)).filter((chart) => pointCount(chart) === 0);
  expect(empty.length).toBeGreaterThan(0);
  for (const chart of empty) expect({ chart: chart.id, text: await page.locator(`[data-empty="${chart.id}"]`).textContent() }).toEqual({ chart: chart.id, text: translator(lang)('empty.chart') });
  // Without forecasts the demand page says how to get them.
  if (pageId === 'demand') expect(await page.locator('[data-empty=forecast]').textContent()).toBe(translator(lang)('empty.forecast'));
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The labels a chart's categories must get: every one, but a run of more than 8 days labels as many
 * dates as fit (chart-readability.ts) — at least one a week, so no week goes unnamed.
 */
function labelsExpected(categories: readonly string[], drawn: number): number {
  const days = categories.length > 8 && categories.every((category) => ISO_DAY.test(category));
  return days && drawn >= Math.ceil(categories.length / 7) ? drawn : categories.length;
}

/** Every category labelled (a run of days at least weekly), no smoothed line, and a saved PNG headed by the title, period, canteens and meal. */
export async function checkCharts(page: Page, pageId: string, lang: Lang, scope: { canteens: string; meal: string }): Promise<void> {
  const t = translator(lang);
  await openView(page, `/?page=${pageId}&from=${DEMO_RANGE.from}&to=${DEMO_RANGE.to}`);
  const drawn = await charts(page);
  expect(drawn.length).toBeGreaterThan(0);
  const from = await page.locator('input[name=from]').inputValue();
  const to = await page.locator('input[name=to]').inputValue();
  for (const chart of drawn) {
    if (chart.categories.length > 0 && chart.categories.length <= SCROLL_AFTER) {
      expect({ chart: chart.id, labels: chart.labelsDrawn }).toEqual({ chart: chart.id, labels: labelsExpected(chart.categories.map(String), chart.labelsDrawn ?? 0) });
    }
    expect({ chart: chart.id, smooth: chart.series.filter((series) => series.smooth).map((series) => series.name) }).toEqual({ chart: chart.id, smooth: [] });
    expect(chart.pngCaption?.caption).toBe([t('png.period', { from, to }), scope.canteens, scope.meal].join(' · '));
    expect(chart.pngCaption?.fileName).toContain(`${from}_${to}`);
  }
  const first = drawn[0];
  const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate((id) => (globalThis as unknown as { larder: { savePng(id: string): boolean } }).larder.savePng(id), first.id)]);
  expect(download.suggestedFilename()).toBe(first.pngCaption?.fileName);
  const png = readFileSync((await download.path())!);
  const canvasHeight = await page.locator(`[data-chart="${first.id}"]`).evaluate((element) => (element as unknown as { clientHeight: number }).clientHeight);
  // IHDR: the image is taller than the chart by its header (title and caption).
  expect(png.readUInt32BE(20)).toBeGreaterThan(canvasHeight * 2);
}

/** The weekday × hour heatmap's hours run on without a skip: an hour without trade is a gap. */
export function checkHourAxis(categories: string[]): void {
  const hours = categories.map((label) => Number(label.split(':')[0]));
  expect(hours.length).toBeGreaterThan(1);
  hours.forEach((hour, index) => index > 0 && expect(hour).toBe(hours[index - 1] + 1));
}

/** An ⓘ with the translated explanation beside each measure a manager might not know: selector → the titles expected in it. */
export async function checkHelp(page: Page, path: string, expected: Record<string, string[]>): Promise<void> {
  await openView(page, path);
  for (const [selector, titles] of Object.entries(expected)) {
    const shown = await page.locator(`${selector} [data-help]`).evaluateAll((marks) => marks.map((mark) => (mark as unknown as { title: string }).title));
    expect({ selector, titles: [...new Set(shown)] }).toEqual({ selector, titles });
  }
}
