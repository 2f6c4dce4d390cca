import { readableOption, SCROLL_AFTER } from './chart-readability';

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
    expect(option.series[1].label).toMatchObject({ overflow: 'break' });
    expect(option.series[2]).toEqual({ type: 'bar', data: [] });
  });
});
