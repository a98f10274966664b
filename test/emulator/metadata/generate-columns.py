#!/usr/bin/env python3
"""Generates columns.json: the database column behind each stock field of Vtiger 8.3.0, as far as
the emulator needs it: the varchar length (longer text is cut, docs/vtiger-webservice.md#stored-text) and the numeric scale (the
decimals a value reads back with, docs/vtiger-webservice.md#numbers). The installer's migration steps widen the scale of the
money columns to 8, so the emulator uses the scale for `double` fields only (checked against 8.3.0). Input: the 8.3.0 source tree (schema/DatabaseSchema.xml
and modules/Users/DefaultDataPopulator.php). Usage: generate-columns.py <vtigercrm dir> > columns.json
Fields of the extension modules (Project*, ModComments, Assets, ServiceContracts, …) are not in the
populator; the emulator keeps its defaults for them."""
import json, re, sys, xml.etree.ElementTree as ET

root = sys.argv[1]
schema = ET.parse(f'{root}/schema/DatabaseSchema.xml').getroot()
columns = {}
for table in schema.iter('table'):
    for field in table.findall('field'):
        columns[(table.get('name'), field.get('name'))] = (field.get('type'), field.get('size'))

src = open(f'{root}/modules/Users/DefaultDataPopulator.php', encoding='utf-8', errors='replace').read()
tabs = {int(m.group(1)): m.group(2) for m in re.finditer(r"VALUES \((\d+),'(\w+)',", src)}
out = {}
for m in re.finditer(r"insert into vtiger_field values \((\d+),[^,]+,'(\w+)','(\w+)',\d+,'?(\d+)'?,'(\w+)'", src):
    tabid, column, table, uitype, fieldname = int(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)
    module = tabs.get(tabid)
    col = columns.get((table, column))
    if not module or not col:
        continue
    kind, size = col
    entry = None
    if kind == 'C' and size:
        entry = {'maxLength': int(size)}
    elif kind == 'N' and size and '.' in size:
        entry = {'decimals': int(size.split('.')[1])}
    elif kind == 'N' and size:
        entry = {'decimals': 0}
    if entry:
        out.setdefault(module, {})[fieldname] = entry
# Calendar fields are shared by Events (tabid 16 has its own rows, but fill gaps from Calendar).
for name, entry in out.get('Calendar', {}).items():
    out.setdefault('Events', {}).setdefault(name, entry)
json.dump(out, sys.stdout, indent='\t', sort_keys=True)
print()
