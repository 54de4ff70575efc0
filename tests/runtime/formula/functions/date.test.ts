import { describe, expect, it } from 'vitest';
import { call, callIn, expectError, FIXED_NOW, makeCtx } from './helpers.ts';

describe('DATE and the serial calendar', () => {
  it('counts serials like Excel, 1900 leap-year bug included', () => {
    expect(call('DATE', 1900, 1, 1)).toBe(1);
    expect(call('DATE', 1900, 2, 28)).toBe(59);
    expect(call('DATE', 1900, 2, 29)).toBe(60);
    expect(call('DATE', 1900, 3, 1)).toBe(61);
    expect(call('DATE', 2024, 1, 1)).toBe(45292);
    expect(call('DATE', 2008, 1, 1)).toBe(39448);
    expect(call('DATE', 9999, 12, 31)).toBe(2958465);
  });

  it('rolls months and days over in both directions (Excel docs)', () => {
    expect(call('DATE', 2008, 14, 2)).toBe(call('DATE', 2009, 2, 2));
    expect(call('DATE', 2008, -3, 2)).toBe(call('DATE', 2007, 9, 2));
    expect(call('DATE', 2008, 1, 35)).toBe(call('DATE', 2008, 2, 4));
    expect(call('DATE', 2008, 1, -15)).toBe(call('DATE', 2007, 12, 16));
    expect(call('DATE', 108, 1, 2)).toBe(call('DATE', 2008, 1, 2));
  });

  it('is #NUM! outside Excel’s range', () => {
    expectError(call('DATE', -1, 1, 1), '#NUM!');
    expectError(call('DATE', 10000, 1, 1), '#NUM!');
    expectError(call('DATE', 1900, 1, -1), '#NUM!');
  });

  it('YEAR, MONTH, DAY read serials and date texts', () => {
    expect(call('YEAR', 45292)).toBe(2024);
    expect(call('MONTH', '15-Apr-2011')).toBe(4);
    expect(call('DAY', '2011/4/15')).toBe(15);
    expect(call('YEAR', '2008/7/5')).toBe(2008);
    expect([call('YEAR', 60), call('MONTH', 60), call('DAY', 60)]).toEqual([1900, 2, 29]);
    expect([call('YEAR', 0), call('MONTH', 0), call('DAY', 0)]).toEqual([1900, 1, 0]);
    expectError(call('YEAR', -1), '#NUM!');
    expectError(call('YEAR', 'soon'), '#VALUE!');
  });
});

describe('times', () => {
  it('TIME wraps at 24 hours (Excel docs)', () => {
    expect(call('TIME', 12, 0, 0)).toBe(0.5);
    expect(call('TIME', 16, 48, 10)).toBeCloseTo(0.7001157, 7);
    expect(call('TIME', 27, 0, 0)).toBe(0.125);
    expect(call('TIME', 0, 750, 0)).toBeCloseTo(0.520833333, 9);
    expectError(call('TIME', -1, 0, 0), '#NUM!');
  });

  it('HOUR, MINUTE, SECOND round to the nearest second (Excel docs)', () => {
    expect(call('HOUR', 0.75)).toBe(18);
    expect(call('HOUR', '7/18/2011 7:45')).toBe(7);
    expect(call('HOUR', '4/21/2012')).toBe(0);
    expect(call('MINUTE', '12:45:00 PM')).toBe(45);
    expect(call('SECOND', '4:48:18 PM')).toBe(18);
    expect(call('SECOND', '4:48 PM')).toBe(0);
    expect(call('SECOND', 0.5 + 0.6 / 86400)).toBe(1);
    expect(call('HOUR', 0.99999999)).toBe(0);
  });

  it('TIMEVALUE and DATEVALUE read text (Excel docs)', () => {
    expect(call('TIMEVALUE', '2:24 AM')).toBeCloseTo(0.1, 12);
    expect(call('TIMEVALUE', '22-Aug-2011 6:35 AM')).toBeCloseTo(0.274305556, 9);
    expect(call('DATEVALUE', '8/22/2011')).toBe(40777);
    expect(call('DATEVALUE', '22-MAY-2011')).toBe(40685);
    expect(call('DATEVALUE', '2011/02/23')).toBe(40597);
    expect(call('DATEVALUE', '2011年2月23日')).toBe(40597);
    expect(call('DATEVALUE', 'February 23, 2011')).toBe(40597);
    expectError(call('DATEVALUE', '2011/02/30'), '#VALUE!');
    expectError(call('DATEVALUE', 40597), '#VALUE!');
  });
});

describe('TODAY and NOW', () => {
  it('read ctx.now on the wall clock of ctx.timeZone', () => {
    expect(callIn(makeCtx({ timeZone: 'UTC' }), 'TODAY')).toBe(45366);
    expect(callIn(makeCtx({ timeZone: 'UTC' }), 'NOW')).toBeCloseTo(45366 + 10.5 / 24, 9);
    expect(callIn(makeCtx({ timeZone: 'Asia/Shanghai' }), 'NOW')).toBeCloseTo(45366 + 18.5 / 24, 9);
    const lateUtc = makeCtx({ now: () => FIXED_NOW + 14 * 3_600_000, timeZone: 'Asia/Shanghai' });
    expect(callIn(lateUtc, 'TODAY')).toBe(45367);
    expect(callIn(makeCtx({ timeZone: 'America/Los_Angeles' }), 'TODAY')).toBe(45366);
  });

  it('are volatile and report an unknown zone as #VALUE!', () => {
    expectError(callIn(makeCtx({ timeZone: 'Mars/Olympus' }), 'TODAY'), '#VALUE!');
  });
});

describe('DATEDIF', () => {
  it('counts whole units, units case-insensitive (Excel docs)', () => {
    expect(call('DATEDIF', '2001/1/1', '2003/1/1', 'Y')).toBe(2);
    expect(call('DATEDIF', '2001/6/1', '2002/8/15', 'D')).toBe(440);
    expect(call('DATEDIF', '2001/6/1', '2002/8/15', 'YD')).toBe(75);
    expect(call('DATEDIF', '2001/6/1', '2002/8/15', 'yd')).toBe(75);
    expect(call('DATEDIF', '2001/6/1', '2002/8/15', 'md')).toBe(14);
    expect(call('DATEDIF', '2001/6/1', '2002/8/15', 'M')).toBe(14);
    expect(call('DATEDIF', '2001/6/1', '2002/8/15', 'YM')).toBe(2);
    expect(call('DATEDIF', '2024/1/31', '2024/2/29', 'm')).toBe(0);
    expect(call('DATEDIF', '2000/2/29', '2024/2/28', 'y')).toBe(23);
  });

  it('is #NUM! for a start after the end or an unknown unit', () => {
    expectError(call('DATEDIF', '2003/1/1', '2001/1/1', 'Y'), '#NUM!');
    expectError(call('DATEDIF', '2001/1/1', '2003/1/1', 'W'), '#NUM!');
  });
});

describe('month arithmetic', () => {
  it('EDATE keeps the day, clamped to the month end (Excel docs)', () => {
    expect(call('EDATE', '2011/1/15', 1)).toBe(40589);
    expect(call('EDATE', '2011/1/15', -1)).toBe(40527);
    expect(call('EDATE', '2011/1/15', 2)).toBe(40617);
    expect(call('EDATE', '2024-01-31', 1)).toBe(call('DATE', 2024, 2, 29));
    expect(call('EDATE', '2023-01-31', 1)).toBe(call('DATE', 2023, 2, 28));
    expect(call('EDATE', '2024-03-31', -1.9)).toBe(call('DATE', 2024, 2, 29));
    expectError(call('EDATE', '9999-12-01', 1), '#NUM!');
  });

  it('EOMONTH returns the last day of the month (Excel docs)', () => {
    expect(call('EOMONTH', '2011/1/1', 1)).toBe(40602);
    expect(call('EOMONTH', '2011/1/1', -3)).toBe(40482);
    expect(call('EOMONTH', '2024-01-15', 1)).toBe(call('DATE', 2024, 2, 29));
    expect(call('EOMONTH', '2100-01-15', 1)).toBe(call('DATE', 2100, 2, 28));
  });
});

describe('weeks', () => {
  it('WEEKDAY return types (Excel docs)', () => {
    expect(call('WEEKDAY', '2/14/2008')).toBe(5);
    expect(call('WEEKDAY', '2/14/2008', 2)).toBe(4);
    expect(call('WEEKDAY', '2/14/2008', 3)).toBe(3);
    expect(call('WEEKDAY', '2/14/2008', 11)).toBe(4);
    expect(call('WEEKDAY', '2/14/2008', 12)).toBe(3);
    expect(call('WEEKDAY', '2/14/2008', 16)).toBe(6);
    expect(call('WEEKDAY', '2/14/2008', 17)).toBe(5);
    expect(call('WEEKDAY', 1)).toBe(1);
    expectError(call('WEEKDAY', '2/14/2008', 4), '#NUM!');
  });

  it('WEEKNUM and ISOWEEKNUM (Excel docs)', () => {
    expect(call('WEEKNUM', '3/9/2012')).toBe(10);
    expect(call('WEEKNUM', '3/9/2012', 2)).toBe(11);
    expect(call('WEEKNUM', '3/9/2012', 21)).toBe(10);
    expect(call('ISOWEEKNUM', '3/9/2012')).toBe(10);
    expect(call('ISOWEEKNUM', '2021-01-01')).toBe(53);
    expect(call('WEEKNUM', '2021-01-01')).toBe(1);
    expectError(call('WEEKNUM', '3/9/2012', 5), '#NUM!');
  });

  it('DAYS counts days between dates (Excel docs)', () => {
    expect(call('DAYS', '15-MAR-2021', '1-FEB-2021')).toBe(42);
    expect(call('DAYS', call('DATE', 2021, 12, 31), call('DATE', 2021, 1, 1))).toBe(364);
  });
});

describe('working days', () => {
  const start = 39722; // 2008-10-01
  const holidays = [39778, 39786, 39834]; // 2008-11-26, 2008-12-04, 2009-01-21

  it('WORKDAY skips weekends and holidays (Excel docs)', () => {
    expect(call('WORKDAY', start, 151)).toBe(39933);
    expect(call('WORKDAY', start, 151, holidays)).toBe(39938);
    expect(call('WORKDAY', call('DATE', 2024, 3, 15), 1)).toBe(call('DATE', 2024, 3, 18));
    expect(call('WORKDAY', call('DATE', 2024, 3, 18), -1)).toBe(call('DATE', 2024, 3, 15));
    expect(call('WORKDAY', call('DATE', 2024, 3, 16), 0)).toBe(call('DATE', 2024, 3, 16));
  });

  it('WORKDAY agrees with day-by-day stepping for long spans', () => {
    const slow = (from: number, days: number, off: number[]) => {
      let d = from;
      let left = Math.abs(days);
      while (left > 0) {
        d += Math.sign(days);
        const dow = (((d - 1) % 7) + 7) % 7;
        if (dow !== 0 && dow !== 6 && !off.includes(d)) left--;
      }
      return d;
    };
    const off = [45300, 45301, 45400, 45500, 45650];
    for (const days of [7, 23, 260, 999, -400]) {
      expect(call('WORKDAY', 45292, days, off)).toBe(slow(45292, days, off));
    }
  });

  it('NETWORKDAYS counts both ends, minus holidays (Excel docs)', () => {
    const from = call('DATE', 2012, 10, 1);
    const to = call('DATE', 2013, 3, 1);
    expect(call('NETWORKDAYS', from, to)).toBe(110);
    expect(call('NETWORKDAYS', from, to, call('DATE', 2012, 11, 22))).toBe(109);
    expect(call('NETWORKDAYS', from, to, [41235, 41247, 41295])).toBe(107);
    expect(call('NETWORKDAYS', to, from)).toBe(-110);
  });

  it('.INTL variants take a weekend code or mask (Excel docs)', () => {
    expect(call('NETWORKDAYS.INTL', call('DATE', 2006, 1, 1), call('DATE', 2006, 1, 31))).toBe(22);
    const mondays = ['2006/1/2', '2006/1/16'];
    expect(call('NETWORKDAYS.INTL', call('DATE', 2006, 1, 1), call('DATE', 2006, 2, 1), 7, mondays)).toBe(22);
    expect(
      call('NETWORKDAYS.INTL', call('DATE', 2006, 1, 1), call('DATE', 2006, 2, 1), '0010001', mondays),
    ).toBe(20);
    expectError(call('WORKDAY.INTL', call('DATE', 2012, 1, 1), 30, 0), '#NUM!');
    expect(call('WORKDAY.INTL', call('DATE', 2012, 1, 1), 90, 11)).toBe(41013);
    expect(call('WORKDAY.INTL', call('DATE', 2012, 1, 1), 30, 17)).toBe(40944);
    expectError(call('WORKDAY.INTL', 40909, 1, '1111111'), '#VALUE!');
  });

  it('huge spans are #NUM!, quickly', () => {
    const ctx = makeCtx();
    expectError(callIn(ctx, 'WORKDAY', 45292, 1e9), '#NUM!');
    expect(ctx.steps).toBeLessThan(100);
  });
});

describe('YEARFRAC', () => {
  it('computes each basis (Excel docs)', () => {
    const from = call('DATE', 2012, 1, 1);
    const to = call('DATE', 2012, 7, 30);
    expect(call('YEARFRAC', from, to)).toBeCloseTo(0.58055556, 8);
    expect(call('YEARFRAC', from, to, 1)).toBeCloseTo(0.57650273, 8);
    expect(call('YEARFRAC', from, to, 2)).toBeCloseTo(0.58611111, 8);
    expect(call('YEARFRAC', from, to, 3)).toBeCloseTo(0.57808219, 8);
    expect(call('YEARFRAC', from, to, 4)).toBeCloseTo(0.58055556, 8);
    expect(call('YEARFRAC', to, from)).toBe(call('YEARFRAC', from, to));
    expectError(call('YEARFRAC', from, to, 5), '#NUM!');
  });

  it('handles February month-ends (basis 0) and multi-year spans (basis 1)', () => {
    expect(call('YEARFRAC', '2011-02-28', '2012-02-29')).toBe(1);
    expect(call('YEARFRAC', '2010-01-01', '2013-01-01', 1)).toBeCloseTo(1096 / (1461 / 4), 12);
  });
});

describe('lifting', () => {
  it('maps date functions over a column of dates', () => {
    expect(call('YEAR', [45292, 45658])).toEqual([2024, 2025]);
    expect(call('EDATE', ['2024-01-31', '2024-03-31'], 1)).toEqual([
      call('DATE', 2024, 2, 29),
      call('DATE', 2024, 4, 30),
    ]);
  });
});
