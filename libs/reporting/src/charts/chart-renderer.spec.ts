import { chartsAvailable, renderChartPng } from './chart-renderer';

/** Drawn without labels: rasterising CJK text is what takes the time, and it is not what is tested here. */
function bars(values: number[]) {
  return {
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'category', show: false, data: values.map(String) },
    yAxis: { type: 'value', show: false },
    series: [{ type: 'bar', data: values }],
  };
}

const SIZE = { widthPx: 120, heightPx: 60 };

(chartsAvailable() ? describe : describe.skip)('renderChartPng', () => {
  it('rasterises a drawing once however often a report asks for it, each ECharts instance numbering its ids anew', () => {
    const first = renderChartPng(bars([1, 2, 3]), SIZE)!;
    expect(first.subarray(1, 4).toString()).toBe('PNG');
    expect(renderChartPng(bars([1, 2, 3]), SIZE)).toBe(first);
  });

  it('draws a different chart afresh', () => {
    const first = renderChartPng(bars([1, 2, 3]), SIZE)!;
    const other = renderChartPng(bars([3, 2, 1]), SIZE)!;
    expect(other).not.toBe(first);
    expect(other.equals(first)).toBe(false);
  });
});
