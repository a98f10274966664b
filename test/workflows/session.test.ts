/**
 * Session: Login, Extend and Logout. How the node keeps its own session in the credential:
 * transport.session.test.ts.
 */
import { createContact, useTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';

describe('Session resource', () => {
	const bed = useTestBed({}, {}, { each: true });

	test('Session > Login opens a new session; Extend confirms one; Logout is best-effort on PHP 8', async () => {
		const [login] = await bed.json({ resource: 'session', operation: 'login' });
		const userId = bed.crm.userId;
		expect(login).toEqual({
			sessionName: expect.stringMatching(/^\w+$/),
			userId,
			version: '0.22',
			vtigerVersion: '8.3.0',
		});

		const [extended] = await bed.json({
			resource: 'session',
			operation: 'extend',
			sessionName: String(login.sessionName),
		});
		expect(extended).toMatchObject({ extended: true, sessionName: login.sessionName, userId });

		const [own] = await bed.json({ resource: 'session', operation: 'extend' });
		expect(own).toEqual({ extended: true, userId, version: '0.22', vtigerVersion: '8.3.0' });

		const [logout] = await bed.json({
			resource: 'session',
			operation: 'logout',
			sessionName: String(login.sessionName),
		});
		expect(logout).toEqual({ loggedOut: false, reason: expect.stringContaining('PHP 8') });
		const [stillAlive] = await bed.json({
			resource: 'session',
			operation: 'extend',
			sessionName: String(login.sessionName),
		});
		expect(stillAlive.extended).toBe(true);

		const unknown = await bed.run({
			resource: 'session',
			operation: 'extend',
			sessionName: 'nosuchsession',
		});
		expect(unknown.error?.message).toMatch(/\[item 0\]$/);
	});
});

describe('Session resource on PHP 7', () => {
	const bed = useTestBed({ phpVersion: 7 });

	emulatorOnly('phpVersion 7 switch')(
		'Logout ends the session on PHP 7, and the node recovers for the next request',
		async () => {
			const [logout] = await bed.json({ resource: 'session', operation: 'logout' });
			expect(logout).toEqual({ loggedOut: true });
			bed.emulator.clearRequests();
			const [contact] = await bed.json(createContact({ lastname: 'After logout' }));
			expect(contact.lastname).toBe('After logout');
			// A new CRM for this process: its field names are asked first, on the logged-out session.
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual([
				'describe',
				'getchallenge',
				'login',
				'describe',
				'create',
			]);
		},
	);
});
