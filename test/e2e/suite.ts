/** A tiny runner: named checks, each counted, failures explained, a closing `N passed, N failed` line. */
export class Suite {
	private passed = 0;
	private failed = 0;

	/** `target` names what the suite ran against, one word before the closing line's counts. */
	constructor(private readonly target?: string) {}

	/** A body may return figures, printed on the check's line. */
	async check(name: string, body: () => Promise<string | void> | string | void): Promise<void> {
		const started = Date.now();
		try {
			const figures = await body();
			this.passed++;
			console.log(
				`  ok   ${name}${figures ? `: ${figures}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
			);
		} catch (error) {
			this.failed++;
			console.log(
				`  FAIL ${name}\n${String((error as Error).stack ?? error).replace(/^/gm, '       ')}`,
			);
		}
	}

	get failures(): number {
		return this.failed;
	}

	summary(): string {
		return `${this.target ? `${this.target}: ` : ''}${this.passed} passed, ${this.failed} failed`;
	}
}

/**
 * Runs a suite script: `main` returns its suite; its wall time and closing line are printed and
 * the process exits 0 only when every check passed. A crash before the end counts as one failure.
 */
export function runSuite(label: string, main: () => Promise<Suite>): void {
	const started = Date.now();
	// Node ends quietly when nothing is left to wait for while `main` still waits: say so.
	process.once('beforeExit', () => {
		console.log(`${label}: the run ended before its closing line (a step waited for nothing)`);
		console.log('0 passed, 1 failed');
		process.exit(1);
	});
	main().then(
		(suite) => {
			console.log(`${label} wall time ${Math.round((Date.now() - started) / 1000)} s`);
			console.log(suite.summary());
			process.exit(suite.failures === 0 ? 0 : 1);
		},
		(error: unknown) => {
			console.error(error);
			console.log('0 passed, 1 failed');
			process.exit(1);
		},
	);
}
