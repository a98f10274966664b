/**
 * Custom Operation: any registered webservice operation by name, with the session sent only to the
 * credential's server.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

import { useTestBed } from '../harness/fixture';
import { emulatorOnlyDescribe } from '../harness/target';

/** Custom Operation with these name and method (and parameters, in `extra`). */
const call = (operationName: string, method: string, extra: object = {}) => ({
	resource: 'custom',
	operation: 'call',
	operationName,
	method,
	...extra,
});

describe('Custom Operation', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): every name of this file starts with it. */
	const t = () => bed.crm.tag;

	beforeAll(async () => {
		await bed.crm.insert('Contacts', { lastname: `${t()}Unrelated` });
	});

	test('Custom Operation: any registered operation by name; session operations are refused', async () => {
		const [described] = await bed.json(
			call('describe', 'GET', {
				parameters: { parameter: [{ name: 'elementType', value: 'Faq' }] },
			}),
		);
		expect(described.name).toBe('Faq');
		const rows = await bed.json(
			call('query', 'GET', {
				parameters: {
					parameter: [
						{
							name: 'query',
							value: `SELECT lastname FROM Contacts WHERE lastname = '${t()}Unrelated';`,
						},
					],
				},
			}),
		);
		expect(rows.map((r) => r.lastname)).toEqual([`${t()}Unrelated`]);
		const login = await bed.run(call('login', 'POST'));
		expect(login.error?.message).toBe(
			'"login" manages sessions: use the Session resource [item 0]',
		);
		const unknown = await bed.run(call('no_such_op', 'GET'));
		expect(unknown.error?.message).toBe(
			'Vtiger failed with a server error (HTTP 500, an empty body) while running "no_such_op" [item 0]',
		);
	});
});

emulatorOnlyDescribe('counts what reaches a second server')(
	"Custom Operation sends the session only to the credential's server",
	() => {
		const bed = useTestBed();
		let elsewhere: Server;
		let elsewhereUrl: string;
		let hits = 0;

		beforeAll(async () => {
			elsewhere = createServer((_req, res) => {
				hits++;
				res.end('{"success":true,"result":{}}');
			});
			const port = await new Promise<number>((resolve) =>
				elsewhere.listen(0, '127.0.0.1', () => resolve((elsewhere.address() as AddressInfo).port)),
			);
			elsewhereUrl = `http://127.0.0.1:${port}`;
		});
		afterAll(() => elsewhere.close());

		test('an address as operation name is refused before anything is sent', async () => {
			for (const name of [
				`${elsewhereUrl}/webservice.php`,
				`//127.0.0.1:1/x`,
				'../webservice.php',
				'describe?sessionName=x',
				'describe#x',
			]) {
				const result = await bed.run(call(name, 'GET'));
				expect(result.error?.message).toBe(
					`"Operation Name" must be a Vtiger operation name, not "${name}" [item 0]`,
				);
			}
			expect(hits).toBe(0);
		});

		test('addresses in parameters are sent to the CRM as values, never followed', async () => {
			const parameter = [
				{ name: 'elementType', value: 'Contacts' },
				{ name: 'url', value: elsewhereUrl },
				{ name: 'baseURL', value: elsewhereUrl },
				{ name: 'uri', value: `${elsewhereUrl}/webservice.php` },
			];
			bed.emulator.clearRequests();
			for (const method of ['GET', 'POST']) {
				await bed.run(call('describe', method, { parameters: { parameter } }));
			}
			const [described] = await bed.json(call('describe', 'GET', { parameters: { parameter } }));
			expect(described.name).toBe('Contacts');
			const refused = await bed.run(
				call('describe', 'GET', {
					parameters: { parameter: [{ name: 'sessionName', value: 'mine' }] },
				}),
			);
			expect(refused.error?.message).toBe(
				'The parameter "sessionName" is set by the node [item 0]',
			);
			expect(hits).toBe(0);
			expect(
				bed.emulator.requests.filter((r) => r.operation === 'describe' && r.sessionName),
			).toHaveLength(3);
		});
	},
);
