/** Module: List and Describe, and module metadata asked once per execution. */
import { useTestBed } from '../harness/fixture';
import { emulatorOnlyDescribe } from '../harness/target';

emulatorOnlyDescribe('reads the request log and the seeded admin')('Module resource', () => {
	const bed = useTestBed();

	test('Module > List gives name, label, singular and isEntity for every module', async () => {
		const modules = await bed.json({ resource: 'module', operation: 'list' });
		expect(modules.find((m) => m.name === 'Accounts')).toEqual({
			name: 'Accounts',
			label: 'Organizations',
			singular: 'Organization',
			isEntity: true,
		});
		expect(modules.find((m) => m.name === 'Groups')?.isEntity).toBe(false);
		const entities = await bed.json({ resource: 'module', operation: 'list', entityOnly: true });
		expect(entities.length).toBeLessThan(modules.length);
		expect(entities.every((m) => m.isEntity)).toBe(true);
	});

	test('Module > Describe returns the fields and the install-specific id prefix', async () => {
		const [described] = await bed.json({
			resource: 'module',
			operation: 'describe',
			module: 'HelpDesk',
		});
		expect(described.name).toBe('HelpDesk');
		expect(described.idPrefix).toBe(bed.emulator.idPrefix('HelpDesk'));
		expect((described.fields as Array<{ name: string }>).map((f) => f.name)).toContain(
			'ticket_title',
		);

		const unknown = await bed.run({
			resource: 'module',
			operation: 'describe',
			module: 'Helpdesk',
		});
		expect(unknown.error?.message).toBe(
			'The module "Helpdesk" does not exist or this user may not use it [item 0]',
		);
	});

	test('listtypes and describe are asked once per execution, however many items', async () => {
		bed.emulator.clearRequests();
		const items = Array.from({ length: 5 }, () => ({}));
		await bed.json(
			{ resource: 'record', operation: 'getAll', module: 'Contacts', returnAll: false, limit: 1 },
			items,
		);
		expect(bed.emulator.count('describe')).toBe(1);
		expect(bed.emulator.count('query')).toBe(5);
		await bed.json({ resource: 'module', operation: 'list' }, items);
		expect(bed.emulator.count('listtypes')).toBe(1);
	});
});
