/** Comment: Add and Get Many, paired to their items. */
import { useTestBed } from '../harness/fixture';

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

describe('Comments', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): every name of this file starts with it. */
	const t = () => bed.crm.tag;

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
});
