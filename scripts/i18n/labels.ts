// Writes messages/en/labels.json from the domain's English label tables, so the catalogue's English is the domain's
// own (tests/unit/i18n-catalogues.test.ts checks they stay equal). Run: npx tsx scripts/i18n/labels.ts
import { writeFileSync } from "node:fs";
import { LABEL_TABLES } from "../../src/i18n/label-tables";

const labels = Object.fromEntries(Object.entries(LABEL_TABLES).map(([name, table]) => [name, { ...table }]));
writeFileSync("messages/en/labels.json", `${JSON.stringify({ Labels: labels }, null, 2)}\n`);
console.log(`messages/en/labels.json: ${Object.keys(labels).length} tables`);
