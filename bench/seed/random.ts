/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same data set on every machine. */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0 || 0x9e3779b9;
	}

	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks a key by weight: `{ a: 3, b: 1 }` gives `a` three times as often as `b`. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
		const entries = Object.entries(weights) as [K, number][];
		let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
		for (const [key, w] of entries) if ((r -= w) < 0) return key;
		return entries[entries.length - 1][0];
	}

	/** Exponentially distributed with the given mean (waiting times between contacts). */
	exponential(mean: number): number {
		return -Math.log(1 - this.next()) * mean;
	}

	/** Several distinct items (at least one). */
	some<T>(items: readonly T[], max: number): T[] {
		const n = this.int(1, Math.min(max, items.length));
		const pool = [...items];
		const out: T[] = [];
		for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
		return out;
	}
}
