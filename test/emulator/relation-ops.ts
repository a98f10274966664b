/**
 * The relation operations (docs/vtiger-webservice.md#relations): relatedtypes, retrieve_related,
 * query_related (the id filter is spliced into the query text as the server does it, with the
 * quirks of #query-related) and add_related (success also when nothing is linked, #add-related).
 */
import { err, Msg, PhpFatal, WsError } from './errors';
import type { Call, OpOutcome } from './operations';
import { relatedNums, relationsOf, type RelationDef } from './relations';
import type { StoredRecord } from './store';

const result = (r: unknown): OpOutcome => ({ kind: 'result', result: r });
const unknownRelation = (): WsError =>
	new WsError('UNKOWN_ENTITY', 'Relation specified is incorrect');

/** The relations to modules the caller may use (a non-admin on 8.3.0 may use none: relations are empty). */
function accessibleRelations(c: Call, module: string): RelationDef[] {
	const types = c.backend.permissions.types(c.caller!);
	return relationsOf(module).filter((r) => types.includes(r.module));
}

export function relatedtypes(c: Call): OpOutcome {
	const { meta } = c.backend;
	const module = c.param('elementType') ?? '';
	if (!meta.types().includes(module)) throw err.accessDenied(Msg.deniedForName(module));
	if (!meta.isEntity(module)) throw new PhpFatal('relatedtypes on an actor');
	const relations = accessibleRelations(c, module);
	if (relations.length === 0) return result({ types: [], information: [] });
	const information: Record<string, unknown> = {};
	for (const r of relations)
		information[r.label] = { name: r.module, label: r.label, isEntity: '1' };
	return result({ types: relations.map((r) => r.module), information });
}

/** A missing, non-existent or deleted record gives "…denied for name : " (docs/vtiger-webservice.md#retrieve-related). */
function sourceRecord(c: Call): StoredRecord {
	const { records, store } = c.backend;
	const raw = c.param('id');
	if (raw === undefined) throw err.accessDenied(Msg.deniedForId);
	const id = records.parseId(raw);
	const rec = store.lookup(id.module, id.num);
	if (!rec || rec.deleted) throw err.accessDenied(Msg.deniedForName(''));
	// No prefix check here: the relations are those of the record's own module (an event addressed
	// with the Calendar prefix has the relations of Events, none).
	return rec;
}

function findRelation(
	c: Call,
	source: StoredRecord,
	label: string | undefined,
	module: string,
): RelationDef {
	const rel = accessibleRelations(c, source.module).find(
		(r) => r.label === label && r.module === module,
	);
	if (!rel) throw unknownRelation();
	return rel;
}

/**
 * The server's splice (QueryRelated.php): with no related ids the query is not run at all ([]);
 * else `id IN (…)` is added after a `WHERE` found case-insensitively but split on
 * case-sensitively, and `;` is appended.
 */
function runRelated(c: Call, source: StoredRecord, rel: RelationDef, query: string): OpOutcome {
	const { records, store, queries } = c.backend;
	const ids = relatedNums(store, rel, source).map((n) => records.wsId(rel.module, n));
	if (ids.length === 0) return result([]);
	const clause = `id IN ('${ids.join("','")}')`;
	let text: string;
	if (!/where/i.test(query) || /^where/i.test(query)) text = `${query} WHERE ${clause}`;
	else {
		const parts = query.split('WHERE');
		text = `${parts[0]} WHERE ${clause} AND ${parts[1] ?? ''}`;
	}
	return result(queries.run(`${text};`));
}

export function retrieveRelated(c: Call): OpOutcome {
	const source = sourceRecord(c);
	const module = c.param('relatedType') ?? '';
	const rel = findRelation(c, source, c.param('relatedLabel'), module);
	return runRelated(c, source, rel, `SELECT * FROM ${module}`);
}

export function queryRelated(c: Call): OpOutcome {
	const source = sourceRecord(c);
	const query = c.param('query') ?? '';
	// The module is the word after FROM, `;` included ("Contacts;" matches no relation, docs/vtiger-webservice.md#query-related).
	const module = /FROM\s+(\S+)/i.exec(query)?.[1] ?? '';
	const rel = findRelation(c, source, c.param('relatedLabel'), module);
	return runRelated(c, source, rel, query);
}

export function addRelated(c: Call): OpOutcome {
	const { meta, store } = c.backend;
	const parse = (name: string): { module: string; num: number } => {
		const m = /^(\d+)x(\d+)$/.exec(c.param(name) ?? '');
		const module = m ? meta.moduleByPrefix(Number(m[1])) : undefined;
		if (!m || !module) throw err.invalidId();
		return { module, num: Number(m[2]) };
	};
	const source = parse('sourceRecordId');
	const related = parse('relatedRecordId');
	if (!store.live(source.module, source.num)) throw err.internal();
	const label = c.param('relationIdLabel') ?? '';
	const candidates = relationsOf(source.module).filter((r) => r.module === related.module);
	const rel =
		label === ''
			? candidates[0]
			: candidates.find((r) => (/^\d+$/.test(label) ? r.id === Number(label) : r.label === label));
	if (rel?.table && store.live(related.module, related.num))
		store.links.add(rel.table, source.num, related.num);
	return result({ message: 'successfull' });
}
