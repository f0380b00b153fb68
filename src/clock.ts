/** Time source of the core; tests pass a fixed clock. Calendar dates are taken in Germany's time zone. */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
	let current = new Date(iso);
	return { now: () => new Date(current), set: (next: string) => (current = new Date(next)) };
}

const berlinDate = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Berlin',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});

/** Today's date (`YYYY-MM-DD`) in Europe/Berlin. */
export function today(clock: Clock): string {
	return berlinDate.format(clock.now());
}
