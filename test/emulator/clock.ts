/** Controllable clock: real time by default, frozen after set(), shiftable with advance(). */
export class Clock {
	private fixedMs: number | undefined;
	private offsetMs = 0;

	now(): Date {
		return new Date(this.fixedMs ?? Date.now() + this.offsetMs);
	}

	nowSeconds(): number {
		return Math.floor(this.now().getTime() / 1000);
	}

	set(d: Date): void {
		this.fixedMs = d.getTime();
	}

	advance(seconds: number): void {
		if (this.fixedMs !== undefined) this.fixedMs += seconds * 1000;
		else this.offsetMs += seconds * 1000;
	}

	useRealTime(): void {
		this.fixedMs = undefined;
		this.offsetMs = 0;
	}
}

/** UTC `YYYY-MM-DD HH:MM:SS` (system timestamps are database/UTC time, docs/vtiger-webservice.md#dates-and-times). */
export function formatDateTime(d: Date): string {
	return d.toISOString().slice(0, 19).replace('T', ' ');
}
