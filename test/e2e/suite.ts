/** A tiny runner: named checks, each counted, failures explained, a closing `N passed, N failed` line. */
export class Suite {
	private passed = 0;
	private failed = 0;

	/** A body may return figures, printed on the check's line. */
	async check(name: string, body: () => Promise<string | void> | string | void): Promise<void> {
		const started = Date.now();
		try {
			const figures = await body();
			this.passed++;
			console.log(`  ok   ${name}${figures ? `: ${figures}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		} catch (error) {
			this.failed++;
			console.log(`  FAIL ${name}\n${String((error as Error).stack ?? error).replace(/^/gm, '       ')}`);
		}
	}

	get failures(): number {
		return this.failed;
	}

	summary(): string {
		return `${this.passed} passed, ${this.failed} failed`;
	}
}
