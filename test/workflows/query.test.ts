/** Query > Run VTQL: Return All over several pages, a LIMIT of its own, one SELECT only. */
import { useTestBed } from '../harness/fixture';
import { insertLeads } from '../harness/seed';
import { vtqlString } from '../harness/webservice';

describe('Query > Run VTQL', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): the names and cities of the leads of this file start with it. */
	const t = () => bed.crm.tag;

	/** VTQL WHERE keeping a query to this run's leads ('' on the emulator). */
	const ours = () => (t() ? ` WHERE lastname LIKE ${vtqlString(`${t()}%`)}` : '');

	beforeAll(async () => await insertLeads(bed));

	test('Run VTQL: Return All over 250 rows, a LIMIT of its own, and only single SELECT statements', async () => {
		const all = await bed.json({
			resource: 'query',
			operation: 'run',
			query: `SELECT lastname FROM Leads${ours()};`,
			returnAll: true,
		});
		expect(all).toHaveLength(250);
		expect(new Set(all.map((r) => r.id)).size).toBe(250);

		const sorted = await bed.json({
			resource: 'query',
			operation: 'run',
			query: `select lastname, city from Leads where city = ${vtqlString(`${t()}Paris`)} order by lastname`,
			returnAll: true,
		});
		expect(sorted).toHaveLength(83);
		expect(sorted.map((r) => r.lastname)).toEqual(sorted.map((r) => r.lastname).sort());

		const own = await bed.json({
			resource: 'query',
			operation: 'run',
			query: 'SELECT * FROM Leads LIMIT 5;',
			returnAll: true,
		});
		expect(own).toHaveLength(5);

		for (const query of [
			'SELECT * FROM Leads; DELETE FROM Leads;',
			'DELETE FROM Leads;',
			'SELECT * FROM Leads;;',
		]) {
			const refused = await bed.run({
				resource: 'query',
				operation: 'run',
				query,
				returnAll: true,
			});
			expect(refused.error?.message).toMatch(
				/^"Query": (Only SELECT queries|The query must be a single SELECT)/,
			);
		}
		const semicolonInValue = await bed.json({
			resource: 'query',
			operation: 'run',
			query: "SELECT * FROM Leads WHERE lastname = 'a;b';",
			returnAll: false,
			limit: 10,
		});
		expect(semicolonInValue).toEqual([]);
	});
});
