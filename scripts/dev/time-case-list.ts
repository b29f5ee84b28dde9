// Dev tool: where a case-list page spends its CPU in Node (the SQL document's parse, the rows, the views, the JSON out).
//   DATABASE_URL=… node --import ./scripts/dev/allow-server-only.mjs --import tsx scripts/dev/time-case-list.ts [rounds]
import { actorFromUser } from "../../src/domain/policy";
import { toCaseView } from "../../src/server/cases/case-record";
import { loadCaseRows } from "../../src/server/cases/case-rows";
import { workflowContextFor } from "../../src/server/cases/case-store";
import { listCases } from "../../src/server/cases/list-cases";
import { db } from "../../src/server/db";

const rounds = Number(process.argv[2] ?? 200);
const user = await db().user.findFirstOrThrow({ where: { email: "partner.bn@caseway.example" }, include: { organization: true } });
const actor = actorFromUser({ id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, organization: user.organization } as never, { tokenId: "x" });
const ids = (await db().case.findMany({ where: { countryId: user.organizationId }, select: { id: true }, orderBy: { openedAt: "desc" }, take: 50 })).map((c) => c.id);

async function time(label: string, run: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await run();
  console.log(`${label.padEnd(40)} ${((performance.now() - started) / rounds).toFixed(3)} ms`);
}
const now = new Date();
const loaded = await loadCaseRows(db(), ids);
const views = loaded.rows.map((row) => toCaseView(row, actor, workflowContextFor(row, loaded.rules, now)));
await time("loadCaseRows (SQL + parse + rows)", () => loadCaseRows(db(), ids));
await time("toCaseView × 50", () => loaded.rows.map((row) => toCaseView(row, actor, workflowContextFor(row, loaded.rules, now))));
await time("JSON.stringify(views)", () => JSON.stringify({ items: views }));
await time("listCases (whole use case)", () => listCases(actor, { pageSize: "50" }));
await time("listCases pageSize 5", () => listCases(actor, { pageSize: "5" }));
console.log("response bytes", JSON.stringify({ items: views }).length);
await db().$disconnect();
