// `npm run db:seed:large -- --cases 100000`: fills a database with realistic FMS cases (prisma/large-seed).
//   --cases N            large-seed cases the database should hold afterwards (default 10000; a second run adds the difference)
//   --seed S             same seed, same data (default 1)
//   --database-url URL   or DATABASE_URL; with neither, an embedded PostgreSQL in .data/postgres-large on a free port
//   --data-dir DIR       the embedded server's data directory (default .data/postgres-large)
// Migrations, reference data and (embedded, or SEED_DEMO=true) demo users are applied first, as `npm run dev` does.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { seedLargeDataset } from "../prisma/large-seed";
import { seedDemo, seedReference } from "../prisma/seed";
import { createPrismaClient } from "../src/server/prisma-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-db";
import { runMigrations } from "./lib/migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    "database-url": { type: "string" },
    "data-dir": { type: "string", default: path.join(root, ".data/postgres-large") },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 0 || !Number.isInteger(seed)) {
  console.error("Usage: npm run db:seed:large -- --cases 100000 [--seed 1] [--database-url postgresql://…]");
  process.exit(2);
}
const log = (message: string) => console.log(`[seed-large] ${message}`);

let embedded: EmbeddedDatabase | undefined;
let databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  log(`No DATABASE_URL: starting the embedded PostgreSQL in ${path.relative(root, values["data-dir"])}`);
  embedded = await startEmbeddedDatabase({
    dataDir: values["data-dir"],
    port: 0,
    log: (line) => {
      if (/FATAL|PANIC|ERROR/.test(line)) console.error(`[postgres] ${line}`);
    },
  });
  databaseUrl = embedded.url;
  log(`PostgreSQL is up on port ${embedded.port} (${databaseUrl})`);
}

let exitCode = 0;
const prisma = createPrismaClient(databaseUrl, 2);
try {
  runMigrations(databaseUrl, true);
  await seedReference(prisma);
  // As `npm run dev` does: demo users in the embedded database, or in a configured one with SEED_DEMO=true.
  if (embedded || process.env.SEED_DEMO === "true") await seedDemo(prisma);
  const result = await seedLargeDataset(prisma, { cases, seed, databaseUrl, onProgress: log });
  const [size] = await prisma.$queryRawUnsafe<{ size: string }[]>("SELECT pg_size_pretty(pg_database_size(current_database())) AS size");
  log(`${result.casesAdded} cases added in ${(result.ms / 1000).toFixed(1)} s; database size ${size!.size}`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  if (embedded) await embedded.stop();
}
process.exit(exitCode);
