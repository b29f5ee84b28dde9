// `npm run db:refresh-values`: prices the cases whose value is unknown (those migrated from before the column, ADR
// 0027) with the app's own pricing, in batches. New changes keep the value themselves; running it again is harmless.
//   --database-url URL   or DATABASE_URL; with neither, the embedded PostgreSQL in --data-dir (default .data/postgres)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { caseValueOf } from "../src/server/loa/case-value";
import { documentInclude, loadRates } from "../src/server/loa/loa-store";
import { createPrismaClient } from "../src/server/prisma-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-db";
import { runMigrations } from "./lib/migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    "data-dir": { type: "string", default: path.join(root, ".data/postgres") },
  },
});
const log = (message: string) => console.log(`[refresh-values] ${message}`);

let embedded: EmbeddedDatabase | undefined;
let databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  embedded = await startEmbeddedDatabase({ dataDir: values["data-dir"], port: 0, log: () => {} });
  databaseUrl = embedded.url;
}
const prisma = createPrismaClient(databaseUrl, 2);
let exitCode = 0;
try {
  runMigrations(databaseUrl, true);
  const now = new Date();
  const rates = await loadRates(prisma);
  let after = "00000000-0000-0000-0000-000000000000";
  let priced = 0;
  for (;;) {
    const page = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM cases WHERE value IS NULL AND id > ${after}::uuid ORDER BY id LIMIT 500`;
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const documents = await prisma.caseDocument.findMany({
      where: { caseId: { in: page.map((row) => row.id) } },
      include: documentInclude,
      orderBy: [{ caseId: "asc" }, { number: "asc" }],
    });
    const byCase = new Map<string, typeof documents>();
    for (const doc of documents) byCase.set(doc.caseId, [...(byCase.get(doc.caseId) ?? []), doc]);
    const ids: string[] = [];
    const amounts: string[] = [];
    for (const [id, docs] of byCase) {
      const value = caseValueOf(docs, rates, now);
      if (value === null) continue;
      ids.push(id);
      amounts.push(value);
    }
    await prisma.$executeRaw`UPDATE cases c SET value = v.value FROM unnest(${ids}::uuid[], ${amounts}::numeric[]) AS v(id, value)
      WHERE c.id = v.id AND c.value IS NULL`;
    priced += ids.length;
    log(`${priced} cases priced so far`);
  }
  log(`done: ${priced} cases priced`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  if (embedded) await embedded.stop();
}
process.exit(exitCode);
