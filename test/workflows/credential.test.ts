/**
 * The credential: its Test button, the login it makes (and why one fails), the URL it takes, and
 * what the credential's user may not use (the non-admin defect of 8.3.0, ACCESS_DENIED).
 */
import type { INodeCredentialsDetails } from 'n8n-workflow';

import { testCredential } from '../harness/credentialTest';
import { createContact, useTestBed } from '../harness/fixture';
import { emulatorOnly, emulatorOnlyDescribe } from '../harness/target';

/** The sentence for a user Vtiger 8.3.0 lets use no module ("sales" on the emulator, VTIGER_NONADMIN_USERNAME on a real server). */
const noModules = (username: string) =>
	`This Vtiger denies the user "${username}" every module over its webservice (a defect of Vtiger 8.3.0 for every user who is not an administrator): use an administrator user in the credential, or give the profile of this user's role the global "View all" or "Edit all" privilege (Settings > Profiles)`;

const LIMITED_PROFILE =
	'needs a profile that permits some modules only (addUser modules); the real test server has none';

describe('The credential Test button', () => {
	const bed = useTestBed({ nonAdminDefect: true });

	const testWith = async (id: string, data: object) =>
		await testCredential(bed.credentials, bed.otherCredential(data, id).id!);

	test('passes for the admin', async () => {
		expect(await testCredential(bed.credentials, 'cred-1')).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	test('shows the sentence for a wrong access key and an unknown user, not the bare code', async () => {
		expect(await testWith('wrong-key', { secretAccessKey: 'WrongKey12345678' })).toEqual({
			status: 'Error',
			message: `Vtiger rejected the access key of user "${String(bed.credentials.data('cred-1').username)}"`,
		});
		expect(await testWith('unknown-user', { username: 'nobody' })).toEqual({
			status: 'Error',
			message: 'Vtiger does not know the user "nobody"',
		});
	});

	emulatorOnly('counts the requests the emulator saw')(
		'a wrong access key in a new credential costs one getchallenge and one login',
		async () => {
			bed.emulator.clearRequests();
			const result = await testWith('new-wrong-key', {
				secretAccessKey: 'WrongKey12345678',
				userId: '',
			});
			expect(result.status).toBe('Error');
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual(['getchallenge', 'login']);
		},
	);

	test('fails for a user Vtiger lets use no module, with the explanation', async () => {
		const { username, accessKey } = bed.crm.nonAdminUser();
		expect(await testWith('sales', { username, secretAccessKey: accessKey })).toEqual({
			status: 'Error',
			message: noModules(username),
		});
	});
});

emulatorOnlyDescribe('users and URLs of the emulator')(
	'A credential that cannot log in says exactly why',
	() => {
		const bed = useTestBed();
		const runWith = async (changes: Record<string, unknown>) =>
			await bed.run({ resource: 'module', operation: 'list' }, undefined, {
				credential: bed.otherCredential(changes),
			});

		test('unknown user', async () => {
			const result = await runWith({ username: 'nobody' });
			expect(result.error?.message).toBe('Vtiger does not know the user "nobody" [item 0]');
		});

		test('wrong access key', async () => {
			const result = await runWith({ secretAccessKey: 'WrongKey12345678' });
			expect(result.error?.message).toBe('Vtiger rejected the access key of user "admin" [item 0]');
			expect(result.error?.description).toMatch(/My Preferences/);
		});

		test('a user without an access key, and an inactive user', async () => {
			bed.emulator.addUser({ username: 'nokey' });
			expect((await runWith({ username: 'nokey' })).error?.message).toBe(
				'This Vtiger user has no access key [item 0]',
			);
			bed.emulator.addUser({ username: 'gone', accessKey: 'GoneKey123456789', active: false });
			expect(
				(await runWith({ username: 'gone', secretAccessKey: 'GoneKey123456789' })).error?.message,
			).toBe('Vtiger rejected the access key of user "gone" [item 0]');
		});

		test('URL spellings that all reach the same CRM', async () => {
			for (const url of [
				`${bed.emulator.url}/`,
				`${bed.emulator.url}/webservice.php`,
				`${bed.emulator.url}/index.php`,
			]) {
				expect((await runWith({ url })).error).toBeUndefined();
			}
		});

		test('URLs with credentials or a query string are refused', async () => {
			const withUser = await runWith({
				url: bed.emulator.url.replace('http://', 'http://admin:pw@'),
			});
			expect(withUser.error?.message).toMatch(
				/^The CRM URL must not contain a user name or password/,
			);
			const withQuery = await runWith({ url: `${bed.emulator.url}/index.php?module=Home` });
			expect(withQuery.error?.message).toMatch(/^The CRM URL must not contain a query string/);
		});
	},
);

describe('A user Vtiger lets use no module (the non-admin defect of 8.3.0)', () => {
	const bed = useTestBed({ nonAdminDefect: true });
	let NO_MODULES: string;
	let sales: INodeCredentialsDetails;

	beforeAll(async () => {
		const { username, accessKey } = bed.crm.nonAdminUser();
		NO_MODULES = noModules(username);
		sales = bed.otherCredential({ username, secretAccessKey: accessKey }, 'sales');
	});

	const runAsSales = async (parameters: object) =>
		await bed.run(parameters, undefined, { credential: sales });

	test('Module > List says so instead of listing 7 non-record types', async () => {
		const result = await runAsSales({ resource: 'module', operation: 'list' });
		expect(result.error?.message).toBe(`${NO_MODULES} [item 0]`);
		expect(result.error?.description).toMatch(/Groups, Currency and Tax/);
	});

	test('the first operation says so: Get Many, Create, Get on Contacts', async () => {
		const contact = await bed.crm.insert('Contacts', { lastname: `${bed.crm.tag}Hidden` });
		for (const parameters of [
			{ resource: 'record', operation: 'getAll', module: 'Contacts', returnAll: true },
			createContact({ lastname: `${bed.crm.tag}Doe` }),
			{ resource: 'record', operation: 'get', recordId: contact },
		]) {
			expect((await runAsSales(parameters)).error?.message).toBe(`${NO_MODULES} [item 0]`);
		}
	});
});

describe('ACCESS_DENIED names what was denied', () => {
	const bed = useTestBed();
	let support: INodeCredentialsDetails;

	beforeAll(async () => {
		bed.emulator.addUser({
			username: 'support',
			accessKey: 'SupportKey123456',
			modules: ['HelpDesk'],
		});
		support = bed.otherCredential(
			{ username: 'support', secretAccessKey: 'SupportKey123456' },
			'support',
		);
	});

	const runAsSupport = async (parameters: object) =>
		await bed.run(parameters, undefined, { credential: support });

	emulatorOnly(LIMITED_PROFILE)(
		'Get Many, Create and Module > Describe on a module the profile does not permit name the module',
		async () => {
			for (const parameters of [
				{ resource: 'record', operation: 'getAll', module: 'Contacts', returnAll: true },
				createContact({ lastname: 'Doe' }),
				{ resource: 'module', operation: 'describe', module: 'Contacts' },
			]) {
				const { error } = await runAsSupport(parameters);
				expect(error?.message).toBe('This user may not use the module "Contacts" [item 0]');
				expect(error?.description).toMatch(/Module > List shows the modules this user can use/);
			}
		},
	);

	emulatorOnly(LIMITED_PROFILE)('a query on such a module names it too', async () => {
		const { error } = await runAsSupport({
			resource: 'query',
			operation: 'run',
			query: 'SELECT id FROM Contacts;',
			returnAll: true,
		});
		expect(error?.message).toBe('This user may not use the module "Contacts" [item 0]');
	});

	emulatorOnly(LIMITED_PROFILE)('User > Get Current names the Users module', async () => {
		const { error } = await runAsSupport({ resource: 'user', operation: 'getCurrent' });
		expect(error?.message).toBe(
			'This user may not use the module "Users", so it cannot read its own user record [item 0]',
		);
	});

	emulatorOnly(LIMITED_PROFILE)(
		'Get of a record in such a module says the module may be what is denied',
		async () => {
			const { error } = await runAsSupport({
				resource: 'record',
				operation: 'get',
				recordId: bed.emulator.insert('Contacts', { lastname: 'Hidden' }),
			});
			expect(error?.message).toMatch(
				/^The record \d+x\d+ was not found, was deleted, or this user may not access it \[item 0\]$/,
			);
			expect(error?.description).toMatch(
				/lacks permission on the record or on its module \(Module > List shows the modules this user can use\)/,
			);
		},
	);

	emulatorOnly(LIMITED_PROFILE)('the module this user may use still works', async () => {
		expect(
			(
				await runAsSupport({
					resource: 'record',
					operation: 'getAll',
					module: 'HelpDesk',
					returnAll: true,
				})
			).error,
		).toBeUndefined();
	});
});
