import { testCredential } from '../harness/credentialTest';
import { createContact, startTestBed, type VtigerTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';

/** The sentence for a user Vtiger 8.3.0 lets use no module ("sales" on the emulator, VTIGER_NONADMIN_USERNAME on a real server). */
const noModules = (username: string) =>
	`This Vtiger denies the user "${username}" every module over its webservice (a defect of Vtiger 8.3.0 for every user who is not an administrator): use an administrator user in the credential, or give the profile of this user's role the global "View all" or "Edit all" privilege (Settings > Profiles)`;

const LIMITED_PROFILE =
	'needs a profile that permits some modules only (addUser modules); the real test server has none';

describe('The credential Test button', () => {
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed({ nonAdminDefect: true });
	});
	afterAll(async () => await bed.stop());

	const testWith = async (id: string, data: object) => {
		bed.credentials.add(id, id, 'vtigerApi', {
			...bed.credentials.data('cred-1'),
			sessionName: '',
			...data,
		});
		return await testCredential(bed.credentials, id);
	};

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

	test('fails for a user Vtiger lets use no module, with the explanation', async () => {
		const { username, accessKey } = bed.crm.nonAdminUser();
		expect(await testWith('sales', { username, secretAccessKey: accessKey })).toEqual({
			status: 'Error',
			message: noModules(username),
		});
	});
});

describe('A user Vtiger lets use no module (the non-admin defect of 8.3.0)', () => {
	let bed: VtigerTestBed;
	let NO_MODULES: string;

	beforeAll(async () => {
		bed = await startTestBed({ nonAdminDefect: true });
		const { username, accessKey } = bed.crm.nonAdminUser();
		NO_MODULES = noModules(username);
		bed.credentials.add('sales', 'Sales', 'vtigerApi', {
			...bed.credentials.data('cred-1'),
			username,
			secretAccessKey: accessKey,
			sessionName: '',
		});
	});
	afterAll(async () => await bed.stop());

	const runAsSales = async (parameters: object) =>
		await (
			await import('../harness/engine')
		).runVtigerNode({
			parameters: parameters as never,
			credentials: bed.credentials,
			credential: { id: 'sales', name: 'Sales' },
		});

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
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
		bed.emulator.addUser({
			username: 'support',
			accessKey: 'SupportKey123456',
			modules: ['HelpDesk'],
		});
		bed.credentials.add('support', 'Support', 'vtigerApi', {
			...bed.credentials.data('cred-1'),
			username: 'support',
			secretAccessKey: 'SupportKey123456',
			sessionName: '',
		});
	});
	afterAll(async () => await bed.stop());

	const runAsSupport = async (parameters: object) =>
		await (
			await import('../harness/engine')
		).runVtigerNode({
			parameters: parameters as never,
			credentials: bed.credentials,
			credential: { id: 'support', name: 'Support' },
		});

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
