/** Lead > Convert, and the records made from the lead where Vtiger cannot convert. */
import { useTestBed } from '../harness/fixture';
import { emulatorOnlyDescribe } from '../harness/target';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const convert = (extra: object = {}) => ({
	resource: 'lead',
	operation: 'convert',
	recordId: rl('={{ $json.lead }}'),
	...extra,
});

emulatorOnlyDescribe('seeds and reads the emulator; phpVersion switch')('Lead > Convert', () => {
	const bed = useTestBed({ phpVersion: 7 });

	const newLead = (lastname: string, company: string) =>
		bed.emulator.insert('Leads', {
			lastname,
			firstname: 'Jane',
			company,
			email: `${lastname.toLowerCase()}@example.com`,
		});

	test('creates the organization, the contact and the opportunity, linked, and returns their ids', async () => {
		const lead = newLead('Doe', 'Acme Ltd');
		const [result] = await bed.json(
			convert({
				createPotential: true,
				potentialName: 'Acme first order',
				closingDate: '2026-12-31T00:00:00',
				salesStage: 'Prospecting',
				amount: 5000,
			}),
			[{ lead }],
		);
		expect(result).toMatchObject({ leadId: lead, converted: true });
		const account = bed.emulator.records('Accounts').find((a) => a.id === result.accountId);
		const contact = bed.emulator.records('Contacts').find((c) => c.id === result.contactId);
		const potential = bed.emulator.records('Potentials').find((p) => p.id === result.potentialId);
		expect(account?.accountname).toBe('Acme Ltd');
		expect(contact).toMatchObject({
			lastname: 'Doe',
			firstname: 'Jane',
			email: 'doe@example.com',
			account_id: result.accountId,
		});
		expect(potential).toMatchObject({
			potentialname: 'Acme first order',
			closingdate: '2026-12-31',
			related_to: result.accountId,
		});
		const again = await bed.run(convert(), [{ lead }]);
		expect(again.error?.message).toBe('Lead is already converted [item 0]');
	});

	test('a contact only, an existing organization reused by name, and nothing to create refused', async () => {
		const [onlyContact] = await bed.json(convert({ createAccount: false }), [
			{ lead: newLead('Solo', 'Solo Inc') },
		]);
		expect(onlyContact).toMatchObject({ accountId: null, potentialId: null });
		expect(onlyContact.contactId).toMatch(/^\d+x\d+$/);
		const existing = bed.emulator.insert('Accounts', { accountname: 'Reused Corp' });
		const [reused] = await bed.json(convert({ accountName: 'Reused Corp', createContact: false }), [
			{ lead: newLead('Reuse', 'Other') },
		]);
		expect(reused.accountId).toBe(existing);
		const nothing = await bed.run(convert({ createAccount: false, createContact: false }), [
			{ lead: newLead('None', 'None') },
		]);
		expect(nothing.error?.message).toBe(
			'Converting a lead needs "Create Organization" or "Create Contact" [item 0]',
		);
	});
});

emulatorOnlyDescribe('seeds and reads the emulator; phpVersion switch')(
	'Lead > Convert on Vtiger 8.x with PHP 8',
	() => {
		const bed = useTestBed({ phpVersion: 8 });

		test('names the server defect; nothing is converted; Continue On Fail keeps the other items', async () => {
			const lead = bed.emulator.insert('Leads', { lastname: 'Stuck', company: 'Stuck Ltd' });
			const result = await bed.run(convert(), [{ lead }, { lead: 'not-an-id' }], {
				continueOnFail: true,
			});
			expect(result.items.map((i) => i.json.error)).toEqual([
				'Vtiger 8.x on PHP 8 cannot convert leads over the API (a known server defect); nothing was converted. [item 0]',
				'"Lead" must be a Vtiger record ID such as 12x34, not "not-an-id" [item 1]',
			]);
			expect(bed.emulator.records('Contacts')).toHaveLength(0);
		});

		test('with "Create Records If Vtiger Cannot Convert" the records are made from the lead; the lead stays', async () => {
			const lead = bed.emulator.insert('Leads', {
				lastname: 'Way',
				firstname: 'Round',
				company: 'Detour Ltd',
				email: 'way@example.com',
				city: 'Leeds',
			});
			const existing = bed.emulator.insert('Accounts', { accountname: 'Existing Ltd' });
			const [made, reused] = (
				await bed.run(
					convert({
						accountName: '={{ $json.account }}',
						createPotential: true,
						potentialName: 'Detour deal',
						closingDate: '2027-01-15',
						salesStage: 'Qualification',
						convertOptions: { createInstead: true },
					}),
					[{ lead }, { lead, account: 'Existing Ltd' }],
				)
			).items.map((i) => i.json);
			expect(made).toMatchObject({ leadId: lead, converted: false });
			const account = bed.emulator.records('Accounts').find((a) => a.id === made.accountId);
			const contact = bed.emulator.records('Contacts').find((c) => c.id === made.contactId);
			const potential = bed.emulator.records('Potentials').find((p) => p.id === made.potentialId);
			expect(account).toMatchObject({
				accountname: 'Detour Ltd',
				email1: 'way@example.com',
				bill_city: 'Leeds',
			});
			expect(contact).toMatchObject({
				lastname: 'Way',
				firstname: 'Round',
				email: 'way@example.com',
				mailingcity: 'Leeds',
				account_id: made.accountId,
			});
			expect(potential).toMatchObject({
				potentialname: 'Detour deal',
				closingdate: '2027-01-15',
				sales_stage: 'Qualification',
				related_to: made.accountId,
				contact_id: made.contactId,
			});
			expect(reused.accountId).toBe(existing);
			expect(bed.emulator.records('Leads').map((l) => l.id)).toContain(lead);
		});
	},
);
