/** Related: List Relation Types, Get Many, Query Related and Add Relation. */
import { useTestBed } from '../harness/fixture';
import { insertAccountWithContacts } from '../harness/seed';

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

describe('Related records', () => {
	const bed = useTestBed();
	let account: string;
	/** The run's tag (empty on the emulator): every name of this file starts with it. */
	const t = () => bed.crm.tag;

	beforeAll(async () => {
		account = await insertAccountWithContacts(bed);
	});

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
});
