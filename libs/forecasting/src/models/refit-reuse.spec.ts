import { isoWeekday } from '../core/iso-date';
import { createCalendar } from '../core/service-calendar';
import { weekdaysPresent } from '../core/same-weekday';
import { createServiceSeries, horizonOf, ServiceSeries, sliceSeries } from '../core/service-series';
import { randomSource, serviceDays } from '../testing/synthetic';
import { buildDesign, featureLayout } from './calendar-features';
import { EtsModel } from './ets.model';
import { IntermittentModel } from './intermittent.model';
import { RegressionModel } from './regression.model';
import { SeriesDesign } from './series-design';

/** Work kept between the refits of one series must give what fitting each prefix afresh gives. */
function drivenSeries(count: number): ServiceSeries {
  const days = serviceDays({ from: '2025-01-06', count, closed: ['2025-05-01', '2025-05-02'] });
  const random = randomSource('refit-reuse');
  const staff = days.map(() => 1 + 0.1 * random.normal());
  const values = days.map((day, i) => Math.max(0, 100 + 10 * isoWeekday(day) + 0.2 * i + 40 * (staff[i] - 1) + 8 * random.normal()));
  return createServiceSeries({ dates: days, values, drivers: { staff } });
}

/** The same days in buffers of their own: nothing cached for one series is found for the other. */
function copied(series: ServiceSeries): ServiceSeries {
  return createServiceSeries({ dates: [...series.days], values: [...series.values], drivers: { staff: [...series.drivers.staff] } });
}

describe('reuse between refits of one series', () => {
  const series = drivenSeries(300);

  it('ETS fitted on growing prefixes (and then a shorter one) equals ETS fitted on fresh copies', () => {
    const reused = new EtsModel();
    for (const end of [120, 180, 181, 250, 300, 150]) {
      reused.fit(sliceSeries(series, 0, end));
      const fresh = new EtsModel().fit(copied(sliceSeries(series, 0, end)));
      expect([reused.alpha, reused.gamma]).toEqual([fresh.alpha, fresh.gamma]);
      const next = horizonOf(series, end, Math.min(end + 5, series.days.length - 1));
      expect(reused.predictPoint(next)).toEqual(fresh.predictPoint(next));
      expect(reused.insampleResiduals()).toEqual(fresh.insampleResiduals());
    }
  });

  it('Croston, SBA and TSB fitted on growing prefixes (and updated) equal the same fitted on fresh copies', () => {
    const random = randomSource('refit-reuse-sparse');
    const sparse = createServiceSeries({
      dates: [...series.days],
      values: series.days.map((_, i) => (i < 30 || random.normal() < 0.8 ? 0 : Math.round(3 + 2 * Math.abs(random.normal())))),
      drivers: { staff: [...series.drivers.staff] },
    });
    for (const method of ['croston', 'sba', 'tsb'] as const) {
      const reused = new IntermittentModel(method);
      for (const end of [20, 120, 180, 181, 250, 300, 150]) {
        reused.fit(sliceSeries(sparse, 0, end));
        const fresh = new IntermittentModel(method).fit(copied(sliceSeries(sparse, 0, end)));
        const next = horizonOf(sparse, end, Math.min(end + 5, sparse.days.length - 1));
        expect(reused.predictPoint(next)).toEqual(fresh.predictPoint(next));
        expect(reused.insampleResiduals()).toEqual(fresh.insampleResiduals());
        if (end + 10 <= sparse.days.length) {
          reused.update(sliceSeries(sparse, 0, end + 10));
          fresh.update(copied(sliceSeries(sparse, 0, end + 10)));
          expect(reused.predictPoint(next)).toEqual(fresh.predictPoint(next));
        }
      }
    }
  });

  it('the regression fitted on growing prefixes (sums extended) equals the regression fitted on fresh copies', () => {
    const calendar = createCalendar({ days: { '2025-05-01': 'holiday', '2025-04-27': 'makeup_workday' } });
    const reused = new RegressionModel({ calendar });
    for (const end of [120, 180, 181, 250, 300, 150]) {
      reused.fit(sliceSeries(series, 0, end));
      const fresh = new RegressionModel({ calendar }).fit(copied(sliceSeries(series, 0, end)));
      const expected = fresh.coefficients();
      for (const [name, value] of Object.entries(reused.coefficients())) expect(value).toBeCloseTo(expected[name], 8);
      const next = horizonOf(series, end, Math.min(end + 5, series.days.length - 1));
      const reusedPoint = reused.predictPoint(next);
      fresh.predictPoint(next).forEach((value, i) => expect(reusedPoint[i]).toBeCloseTo(value, 8));
    }
  });

  it('a driver constant over the fitted days gets no coefficient, however far from 0 it is', () => {
    const steady = createServiceSeries({ dates: [...series.days], values: [...series.values], drivers: { staff: series.days.map(() => 2_617.3) } });
    const coefficients = new RegressionModel().fit(steady).coefficients();
    expect(coefficients['driver:staff']).toBe(0);
    expect(Number.isFinite(coefficients.intercept)).toBe(true);
  });

  it('the design handed out as row views equals the design built for each request', () => {
    const calendar = createCalendar({ days: { '2025-05-01': 'holiday', '2025-04-27': 'makeup_workday' } });
    const layout = featureLayout(calendar, series.drivers);
    const designs = new SeriesDesign();
    for (const [from, to] of [
      [0, 120],
      [0, 260],
      [115, 120],
      [260, 290],
    ]) {
      const view = sliceSeries(series, from, to);
      const request = { layout, calendar, days: view.days, drivers: view.drivers };
      expect(designs.rows(request)).toEqual(buildDesign(request));
    }
  });

  it('a row with an unknown driver still fails where the fresh design fails', () => {
    const broken = copied(series);
    (broken.drivers.staff as Float64Array)[200] = Number.NaN;
    const calendar = createCalendar();
    const layout = featureLayout(calendar, broken.drivers);
    const designs = new SeriesDesign();
    const ok = sliceSeries(broken, 0, 200);
    expect(designs.rows({ layout, calendar, days: ok.days, drivers: ok.drivers })).toEqual(buildDesign({ layout, calendar, days: ok.days, drivers: ok.drivers }));
    const bad = sliceSeries(broken, 150, 210);
    expect(() => designs.rows({ layout, calendar, days: bad.days, drivers: bad.drivers })).toThrow('driver value is not a number on row 50');
  });

  it('counts the weekdays a prefix or a later view serves', () => {
    const weekdaysOnly = Int32Array.from(serviceDays({ from: '2025-01-06', count: 40 }));
    expect(weekdaysPresent(weekdaysOnly.subarray(0, 3))).toBe(3);
    expect(weekdaysPresent(weekdaysOnly)).toBe(5);
    expect(weekdaysPresent(weekdaysOnly.subarray(10, 12))).toBe(2);
  });
});
