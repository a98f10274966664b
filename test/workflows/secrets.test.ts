/** The access key and the session ids never reach output, errors or n8n's logs. */
import { inspect } from 'util';
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

import { createContact, useTestBed } from '../harness/fixture';
import { emulatorOnlyDescribe } from '../harness/target';

type Log = (level: string, message: string, meta?: object) => void;

/**
 * Captures, until the returned function is called, everything n8n logs: its Logger (which the
 * ErrorReporter uses) and LoggerProxy at every level, debug included, with metadata; and the console.
 */
function captureLogs(): () => string {
	const lines: string[] = [];
	const keep: Log = (level, message, meta) =>
		lines.push(`${level}: ${message} ${inspect(meta, { depth: 8 })}`);
	const logger = Container.get(Logger);
	const internal = logger as unknown as { log: Log };
	const log = internal.log.bind(logger);
	internal.log = (level, message, meta) => {
		keep(level, message, meta);
		log(level, message, meta);
	};
	const levels = ['error', 'warn', 'info', 'debug'] as const;
	LoggerProxy.init(
		Object.fromEntries(
			levels.map((level) => [
				level,
				(message: string, meta?: object) => keep(level, message, meta),
			]),
		) as never,
	);
	const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
		jest.spyOn(console, method),
	);
	return () => {
		delete (internal as Partial<typeof internal>).log;
		LoggerProxy.init(logger);
		for (const spy of consoleSpies) {
			for (const call of spy.mock.calls)
				lines.push(call.map((a) => inspect(a, { depth: 8 })).join(' '));
			spy.mockRestore();
		}
		return lines.join('\n');
	};
}

emulatorOnlyDescribe('injects faults; reads the sessions of the request log')(
	'Secrets never reach output, errors or logs',
	() => {
		let stopCapture: () => string;

		beforeAll(() => {
			stopCapture = captureLogs();
		});
		const bed = useTestBed({}, { timeout: 1 });

		test('the access key and every session id appear in no output item, error, description or log line', async () => {
			const runs = await (async () => {
				const done = [
					await bed.run(createContact({ lastname: 'Secret-1' })),
					await bed.run(createContact({ firstname: 'no lastname' })),
					await bed.run(createContact({ firstname: 'no lastname' }), [{}], {
						continueOnFail: true,
					}),
					await bed.run({ resource: 'record', operation: 'get', recordId: '12x999999' }),
					await bed.run({
						resource: 'record',
						operation: 'getAll',
						module: 'Contacts',
						returnAll: true,
						parallelRequests: 4,
					}),
					await bed.run({
						resource: 'query',
						operation: 'run',
						query: 'SELECT * FROM Nope;',
						returnAll: true,
					}),
					await bed.run({ resource: 'user', operation: 'getCurrent' }),
					await bed.run({ resource: 'session', operation: 'extend' }),
					await bed.run({ resource: 'session', operation: 'logout' }),
					await bed.run({
						resource: 'custom',
						operation: 'call',
						operationName: 'no_such_op',
						method: 'GET',
					}),
				];
				const faults: Array<[object, object]> = [
					[
						{ operation: 'retrieve', kind: 'html-page' },
						{ resource: 'record', operation: 'get', recordId: '19x1' },
					],
					[{ operation: 'create', kind: 'empty-500' }, createContact({ lastname: 'Secret-500' })],
					[
						{ operation: 'create', kind: 'invalid-json' },
						createContact({ lastname: 'Secret-truncated' }),
					],
					[
						{ operation: 'create', kind: 'slow', delayMs: 1200 },
						createContact({ lastname: 'Secret-slow' }),
					],
					[
						{ operation: 'create', kind: 'kill-session', times: 2 },
						createContact({ lastname: 'Secret-killed' }),
					],
				];
				for (const [fault, parameters] of faults) {
					bed.emulator.injectFault(fault as never);
					done.push(
						await bed.run(parameters),
						await bed.run(parameters, [{}], { continueOnFail: true }),
					);
				}
				bed.emulator.killAllSessions();
				const parallel = {
					...createContact({}),
					fieldsJson: '={{ JSON.stringify($json) }}',
					parallelRequests: 4,
				};
				done.push(
					await bed.run(
						parallel,
						[{ lastname: 'P-1' }, { firstname: 'x' }, { lastname: 'P-3' }, { lastname: 'P-4' }],
						{ continueOnFail: true },
					),
				);
				done.push(await bed.run({ resource: 'user', operation: 'getCurrent' }));
				await new Promise((resolve) => setTimeout(resolve, 300));
				return done;
			})();
			const logs = stopCapture();

			const sessions = [
				...new Set(bed.emulator.requests.map((r) => r.sessionName).filter((s): s is string => !!s)),
			];
			expect(sessions.length).toBeGreaterThanOrEqual(6);
			const everything = runs
				.map((r) =>
					JSON.stringify({
						items: r.items,
						error: r.error && {
							message: r.error.message,
							description: r.error.description,
							context: r.error.context,
						},
						resultData: r.run.data.resultData,
					}),
				)
				.join('\n');
			// The haystacks hold what they should: output, errors, and n8n's own log lines.
			const around = (haystack: string, needle: string) => {
				const at = haystack.indexOf(needle);
				return at < 0 ? undefined : haystack.slice(Math.max(0, at - 100), at + needle.length + 100);
			};
			expect(around(everything, 'Secret-1')).toBeDefined();
			expect(around(everything, 'within 1 s; the record may have been created')).toBeDefined();
			expect(around(logs, 'Start executing node "Vtiger CRM"')).toBeDefined();
			expect(around(logs, 'Vtiger failed with a server error')).toBeDefined();
			for (const secret of [bed.emulator.accessKey, ...sessions]) {
				expect(around(everything, secret)).toBeUndefined();
				expect(around(logs, secret)).toBeUndefined();
			}
		});
	},
);
