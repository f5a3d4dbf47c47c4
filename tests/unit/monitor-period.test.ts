// The monitor's period is whole weeks, Monday to Sunday, so no single day can be had by subtracting
// two periods.
import { describe, expect, it } from 'vitest';
import { monitorPeriod } from '../../src/lib/server/coordination/monitor';

describe('the monitor period', () => {
	it('widens any dates to whole weeks, Monday to Sunday', () => {
		expect(monitorPeriod({ van: '2026-10-07', tot: '2026-10-15' })).toEqual({ from: '2026-10-05', to: '2026-10-18' }); // Wed to Thu
		expect(monitorPeriod({ van: '2026-10-05', tot: '2026-10-11' })).toEqual({ from: '2026-10-05', to: '2026-10-11' }); // already whole
		expect(monitorPeriod({ van: '2026-10-11', tot: '2026-10-12' })).toEqual({ from: '2026-10-05', to: '2026-10-18' }); // a Sunday and a Monday
		expect(monitorPeriod({ van: '2026-12-30', tot: '2027-01-01' })).toEqual({ from: '2026-12-28', to: '2027-01-03' }); // over the new year
	});

	it('puts the dates in order, and without dates takes about the last twelve weeks', () => {
		expect(monitorPeriod({ van: '2026-10-15', tot: '2026-10-07' })).toEqual({ from: '2026-10-05', to: '2026-10-18' });
		const now = new Date('2026-11-24T10:00:00Z'); // a Tuesday
		expect(monitorPeriod({}, now)).toEqual({ from: '2026-08-31', to: '2026-11-29' });
	});
});
