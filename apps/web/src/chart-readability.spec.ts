import { categoryAxisHeight, legendRows, readableOption, SCROLL_AFTER } from './chart-readability';

const categories = (count: number, name = (index: number) => `C${index}`) => Array.from({ length: count }, (_, index) => name(index));

describe('readableOption', () => {
  it('labels every category of a short axis without turning it', () => {
    const option = readableOption({ xAxis: { type: 'category', data: categories(4) }, yAxis: { type: 'value' }, series: [] }) as { xAxis: { axisLabel: Record<string, unknown> } };
    expect(option.xAxis.axisLabel).toMatchObject({ interval: 0, hideOverlap: false, rotate: 0, overflow: 'break' });
  });

  it('turns the labels of a crowded or long-named axis, and keeps a page formatter', () => {
    const formatter = (value: string) => value;
    const crowded = readableOption({ xAxis: { type: 'category', data: categories(12), axisLabel: { formatter } } }) as { xAxis: { axisLabel: Record<string, unknown> } };
    expect(crowded.xAxis.axisLabel).toMatchObject({ interval: 0, rotate: 40, formatter });
    const long = readableOption({ xAxis: { type: 'category', data: categories(3, (index) => `上海某某蔬菜配送有限公司${index}`) } }) as { xAxis: { axisLabel: Record<string, unknown> } };
    expect(long.xAxis.axisLabel).toMatchObject({ interval: 0, rotate: 40 });
  });

  it('turns labels that do not fit side by side in the chart, and keeps those that do', () => {
    const weeks = categories(7, (index) => `2026-W4${index + 1}*`);
    const turned = (widthPx: number) => (readableOption({ xAxis: { type: 'category', data: weeks } }, widthPx) as { xAxis: { axisLabel: { rotate: number } } }).xAxis.axisLabel.rotate;
    // 7 labels of 9 characters need about 500 px beside the axes
    expect(turned(560)).toBe(40);
    expect(turned(900)).toBe(0);
  });

  it('labels as many days as fit on a long run of days, and every name otherwise', () => {
    const days = categories(30, (index) => `2026-11-${String(index + 1).padStart(2, '0')}`);
    const option = readableOption({ xAxis: { type: 'category', data: days } }) as { xAxis: { axisLabel: Record<string, unknown> } };
    expect(option.xAxis.axisLabel).toMatchObject({ interval: 'auto', hideOverlap: true, rotate: 40 });
    const week = readableOption({ xAxis: { type: 'category', data: days.slice(0, 7) } }) as { xAxis: { axisLabel: Record<string, unknown> } };
    expect(week.xAxis.axisLabel).toMatchObject({ interval: 0, hideOverlap: false });
  });

  it('wraps long names on a category y axis', () => {
    const option = readableOption({ xAxis: { type: 'value' }, yAxis: { type: 'category', data: categories(20) } }) as { yAxis: { axisLabel: Record<string, unknown> } };
    expect(option.yAxis.axisLabel).toMatchObject({ interval: 0, width: 140, overflow: 'break' });
  });

  it(`scrolls an axis of more than ${SCROLL_AFTER} categories, showing the latest`, () => {
    const option = readableOption({ xAxis: { type: 'category', data: categories(100) }, series: [] }) as { dataZoom: { type: string; startValue?: number; endValue?: number }[] };
    expect(option.dataZoom[0]).toMatchObject({ type: 'slider', startValue: 60, endValue: 99 });
    expect((readableOption({ xAxis: { type: 'category', data: categories(SCROLL_AFTER) } }) as { dataZoom?: unknown }).dataZoom).toBeUndefined();
  });

  it('draws lines straight and lets donut labels wrap', () => {
    const option = readableOption({
      series: [
        { type: 'line', smooth: true, data: [1, 2] },
        { type: 'pie', data: [] },
        { type: 'bar', data: [] },
      ],
    }) as { series: Record<string, unknown>[] };
    expect(option.series[0].smooth).toBe(false);
    // a label may run to 2 px from the chart's edge: at ECharts' default 10 a long word (Overproduction) broke mid-word
    expect(option.series[1].label).toMatchObject({ overflow: 'break', bleedMargin: 2 });
    expect(option.series[2]).toEqual({ type: 'bar', data: [] });
  });
});

describe('room for legends and category names', () => {
  it('counts the rows a legend wraps to in the chart width', () => {
    const names = ['Ingredient cost · Budget', 'Ingredient cost · Actual', 'Subsidy · Budget', 'Subsidy · Actual'];
    expect(legendRows(names, 1200)).toBe(1);
    expect(legendRows(names, 520)).toBe(2);
    expect(legendRows(names, 200)).toBe(4);
    // a width not known yet (the chart not in the page) takes one row
    expect(legendRows(names, 0)).toBe(1);
  });

  it('gives a category y axis of long names the height of their wrapped lines, and short names less', () => {
    const axis = (names: string[]) => ({ xAxis: { type: 'value' }, yAxis: { type: 'category', data: names } });
    const long = categoryAxisHeight(axis(categories(15, (index) => `Braised pork belly with preserved greens ${index}`)));
    const short = categoryAxisHeight(axis(categories(15, (index) => `宫保鸡丁${index}`)));
    expect(long).toBe(15 * (2 * 15 + 8) + 70);
    expect(short).toBe(15 * (1 * 15 + 8) + 70);
    expect(categoryAxisHeight({ xAxis: { type: 'category', data: categories(15) }, yAxis: { type: 'value' } })).toBe(0);
  });
});
