import { startTestBed, type VtigerTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

describe('Related records, comments, count and custom calls', () => {
	let bed: VtigerTestBed;
	let account: string;
	/** The run's tag (empty on the emulator): every name of this file starts with it. */
	const t = () => bed.crm.tag;

	beforeAll(async () => {
		bed = await startTestBed();
		account = await bed.crm.insert('Accounts', { accountname: `${t()}Related Ltd` });
		for (let n = 0; n < 130; n++)
			await bed.crm.insert('Contacts', {
				lastname: `${t()}Rel ${String(n).padStart(3, '0')}`,
				account_id: account,
			});
		await bed.crm.insert('Contacts', { lastname: `${t()}Unrelated` });
	});
	afterAll(async () => await bed.stop());

	const related = (operation: string, extra: object = {}) => ({
		resource: 'related',
		operation,
		module: rl('Accounts'),
		recordId: rl(account, 'id'),
		...extra,
	});

	test('List Relation Types gives each relation by label', async () => {
		const types = await bed.json({
			resource: 'related',
			operation: 'listTypes',
			module: rl('Accounts'),
		});
		expect(types).toContainEqual({ label: 'Contacts', module: 'Contacts' });
		expect(types).toContainEqual({ label: 'Activity History', module: 'Calendar' });
		expect(types).toContainEqual({ label: 'Documents', module: 'Documents' });
	});

	test('Related Get Many returns up to 100; Query Related pages through all, with the query shape Vtiger needs', async () => {
		const some = await bed.json(related('getAll', { relation: 'Contacts' }));
		expect(some).toHaveLength(100);
		const all = await bed.json(
			related('query', {
				relation: 'Contacts',
				query: `select lastname from Contacts where lastname like '${t()}Rel%';`,
				returnAll: true,
			}),
		);
		expect(all).toHaveLength(130);
		expect(new Set(all.map((r) => r.id)).size).toBe(130);
		const noWhere = await bed.json(
			related('query', {
				relation: 'Contacts',
				query: 'SELECT lastname FROM Contacts ORDER BY lastname',
				returnAll: false,
				limit: 3,
			}),
		);
		expect(noWhere.map((r) => r.lastname)).toEqual([
			`${t()}Rel 000`,
			`${t()}Rel 001`,
			`${t()}Rel 002`,
		]);
		const wrong = await bed.run(related('getAll', { relation: 'Nope' }));
		expect(wrong.error?.message).toMatch(
			/^"Relation": Accounts has no relation "Nope" \[item 0\]$/,
		);
	});

	test('Add Relation links a document and checks that Vtiger really linked it', async () => {
		const doc = await bed.crm.insert('Documents', {
			notes_title: `${t()}Contract`,
			filestatus: '1',
		});
		const [linked] = await bed.json(
			related('add', { relation: 'Documents', relatedRecordId: doc }),
		);
		expect(linked).toEqual({
			sourceRecordId: account,
			relatedRecordId: doc,
			relation: 'Documents',
			linked: true,
		});
		const docs = await bed.json(related('getAll', { relation: 'Documents' }));
		expect(docs.map((d) => d.id)).toEqual([doc]);
		const contact = await bed.crm.insert('Contacts', { lastname: `${t()}Not linkable` });
		const silent = await bed.run(
			related('add', { relation: 'Documents', relatedRecordId: contact }),
		);
		expect(silent.error?.message).toBe(
			`Vtiger did not link ${contact} to ${account} through "Documents" [item 0]`,
		);
	});

	test('Add Relation of an inactive document says that Vtiger hides it from relations', async () => {
		const inactive = await bed.crm.insert('Documents', { notes_title: `${t()}Draft` });
		const hidden = await bed.run(
			related('add', { relation: 'Documents', relatedRecordId: inactive }),
		);
		expect(hidden.error?.message).toBe(
			`The document ${inactive} is inactive, and Vtiger leaves inactive documents out of relations [item 0]`,
		);
	});

	test('Record > Create makes an active document, which relations show', async () => {
		const [created] = await bed.json({
			resource: 'record',
			operation: 'create',
			module: rl('Documents'),
			fieldsInput: 'json',
			fieldsJson: JSON.stringify({ notes_title: `${t()}Made active` }),
		});
		expect(created.filestatus).toBe('1');
		const [linked] = await bed.json(
			related('add', { relation: 'Documents', relatedRecordId: created.id }),
		);
		expect(linked.linked).toBe(true);
	});

	test('comments: add to a record and list them, paired to their items', async () => {
		const ticket = await bed.crm.insert('HelpDesk', {
			ticket_title: `${t()}Printer`,
			ticketstatus: 'Open',
			ticketpriorities: 'High',
		});
		const added = await bed.run(
			{
				resource: 'comment',
				operation: 'add',
				module: rl('HelpDesk'),
				recordId: rl(ticket, 'id'),
				comment: '={{ $json.text }}',
			},
			[{ text: 'First call' }, { text: 'Second call' }],
		);
		expect(
			added.items.map((i) => [i.json.commentcontent, i.json.related_to, i.pairedItem]),
		).toEqual([
			['First call', ticket, { item: 0 }],
			['Second call', ticket, { item: 1 }],
		]);
		const listed = await bed.json({
			resource: 'comment',
			operation: 'getAll',
			module: rl('HelpDesk'),
			recordId: rl(ticket, 'id'),
			returnAll: true,
		});
		expect(listed.map((c) => c.commentcontent)).toEqual(['First call', 'Second call']);
	});

	const countParams = (prefix: string) => ({
		resource: 'record',
		operation: 'count',
		module: rl('Contacts'),
		conditions: { condition: [{ field: 'lastname', operator: 'startsWith', value: prefix }] },
	});

	test('Count is right where count(*) answers with an empty list (8.3.0)', async () => {
		expect(await bed.json(countParams(`${t()}Rel`))).toEqual([{ module: 'Contacts', count: 130 }]);
	});

	emulatorOnly('counts requests; countWorks switch')(
		'Count: on 8.3.0 one count(*) then pages of ids; where count(*) works, one query',
		async () => {
			const params = countParams('Rel');
			bed.emulator.clearRequests();
			expect(await bed.json(params)).toEqual([{ module: 'Contacts', count: 130 }]);
			expect(bed.emulator.count('query')).toBe(1 + 3);

			const older = await startTestBed({ countWorks: true });
			try {
				for (let n = 0; n < 7; n++) older.emulator.insert('Contacts', { lastname: `Rel ${n}` });
				older.emulator.clearRequests();
				expect(await older.json(params)).toEqual([{ module: 'Contacts', count: 7 }]);
				expect(older.emulator.count('query')).toBe(1);
			} finally {
				await older.stop();
			}
		},
	);

	test('Custom Operation: any registered operation by name; session operations are refused', async () => {
		const [described] = await bed.json({
			resource: 'custom',
			operation: 'call',
			operationName: 'describe',
			method: 'GET',
			parameters: { parameter: [{ name: 'elementType', value: 'Faq' }] },
		});
		expect(described.name).toBe('Faq');
		const rows = await bed.json({
			resource: 'custom',
			operation: 'call',
			operationName: 'query',
			method: 'GET',
			parameters: {
				parameter: [
					{
						name: 'query',
						value: `SELECT lastname FROM Contacts WHERE lastname = '${t()}Unrelated';`,
					},
				],
			},
		});
		expect(rows.map((r) => r.lastname)).toEqual([`${t()}Unrelated`]);
		const login = await bed.run({
			resource: 'custom',
			operation: 'call',
			operationName: 'login',
			method: 'POST',
		});
		expect(login.error?.message).toBe(
			'"login" manages sessions: use the Session resource [item 0]',
		);
		const unknown = await bed.run({
			resource: 'custom',
			operation: 'call',
			operationName: 'no_such_op',
			method: 'GET',
		});
		expect(unknown.error?.message).toBe(
			'Vtiger failed with a server error (HTTP 500, an empty body) while running "no_such_op" [item 0]',
		);
	});
});
