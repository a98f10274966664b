/**
 * Which CRM the workflow tests talk to: the emulator (default), or a real Vtiger when run through
 * `npm run test:vtiger`, which sets VTIGER_JEST_TARGET=real next to VTIGER_URL, VTIGER_USERNAME and
 * VTIGER_ACCESS_KEY (the variables `npm run e2e` reads too, see test/e2e/target.ts). The explicit
 * switch keeps `npm test` on the emulator in a shell that has VTIGER_* set for `npm run e2e`: the
 * files test:vtiger does not run need the emulator throughout.
 */
export interface RealTarget {
	url: string;
	username: string;
	accessKey: string;
	/** A user who is not an admin (VTIGER_NONADMIN_USERNAME, VTIGER_NONADMIN_ACCESS_KEY; npm run vtiger:up makes one). */
	nonAdmin?: { username: string; accessKey: string };
}

export function realTarget(): RealTarget | undefined {
	if (process.env.VTIGER_JEST_TARGET !== 'real') return undefined;
	const {
		VTIGER_URL,
		VTIGER_USERNAME,
		VTIGER_ACCESS_KEY,
		VTIGER_NONADMIN_USERNAME,
		VTIGER_NONADMIN_ACCESS_KEY,
	} = process.env;
	if (!VTIGER_URL || !VTIGER_USERNAME || !VTIGER_ACCESS_KEY) {
		throw new Error(
			'VTIGER_JEST_TARGET=real needs VTIGER_URL, VTIGER_USERNAME and VTIGER_ACCESS_KEY (npm run test:vtiger loads them)',
		);
	}
	return {
		url: VTIGER_URL.replace(/\/+$/, ''),
		username: VTIGER_USERNAME,
		accessKey: VTIGER_ACCESS_KEY,
		nonAdmin:
			VTIGER_NONADMIN_USERNAME && VTIGER_NONADMIN_ACCESS_KEY
				? { username: VTIGER_NONADMIN_USERNAME, accessKey: VTIGER_NONADMIN_ACCESS_KEY }
				: undefined,
	};
}

/** True when this jest run talks to a real Vtiger. */
export const onRealServer = realTarget() !== undefined;

type TestFn = jest.ProvidesCallback;

/**
 * Tests that need what only the emulator has (request log, fault injection, its clock, switches
 * such as phpVersion or uploadMaxFileSize, exact seeded data). On a real server they are listed as
 * skipped, with the reason in their name: `name [emulator only: reason]`.
 */
export function emulatorOnly(reason: string) {
	const register = (name: string, fn: TestFn, timeout?: number) => {
		if (onRealServer) test.skip(`${name} [emulator only: ${reason}]`, () => undefined);
		else test(name, fn, timeout);
	};
	return register;
}

/** A describe block whose every test needs the emulator: on a real server it is skipped, hooks and all. */
export function emulatorOnlyDescribe(reason: string) {
	return (name: string, fn: () => void) => {
		if (onRealServer) describe.skip(`${name} [emulator only: ${reason}]`, fn);
		else describe(name, fn);
	};
}
