import { createContact, startTestBed, type VtigerTestBed } from '../harness/fixture';

describe('Secrets never reach output or errors', () => {
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.stop());

	test('the access key and the session ids appear in no output item, error or description', async () => {
		const runs = [
			await bed.run(createContact({ lastname: 'Secret-1' })),
			await bed.run(createContact({ firstname: 'no lastname' })),
			await bed.run(createContact({ firstname: 'no lastname' }), [{}], { continueOnFail: true }),
			await bed.run({ resource: 'record', operation: 'get', recordId: '12x999999' }),
			await bed.run({ resource: 'record', operation: 'getAll', module: 'Contacts', returnAll: true }),
			await bed.run({ resource: 'query', operation: 'run', query: 'SELECT * FROM Nope;', returnAll: true }),
			await bed.run({ resource: 'user', operation: 'getCurrent' }),
			await bed.run({ resource: 'session', operation: 'extend' }),
			await bed.run({ resource: 'session', operation: 'logout' }),
		];
		bed.emulator.injectFault({ operation: 'retrieve', kind: 'html-page' });
		runs.push(await bed.run({ resource: 'record', operation: 'get', recordId: '19x1' }));
		bed.emulator.killAllSessions();
		runs.push(await bed.run({ resource: 'user', operation: 'getCurrent' }));

		const sessions = [...new Set(bed.emulator.requests.map((r) => r.sessionName).filter((s): s is string => !!s))];
		expect(sessions.length).toBeGreaterThanOrEqual(2);
		const everything = runs
			.map((r) =>
				JSON.stringify({
					items: r.items,
					error: r.error && { message: r.error.message, description: r.error.description, context: r.error.context },
					resultData: r.run.data.resultData,
				}),
			)
			.join('\n');
		expect(everything).toContain('Secret-1');
		for (const secret of [bed.emulator.accessKey, ...sessions]) {
			expect(everything).not.toContain(secret);
		}
	});
});
