// Dev tool: prints the errors Prisma 7 + @prisma/adapter-pg throw when the pool is exhausted or PostgreSQL is killed,
// restarting or gone, so tests/unit/unavailable.test.ts can rebuild them faithfully. Re-run after a Prisma or pg upgrade:
//   npx tsx tests/reliability/capture-error-shapes.ts
import { Client } from "pg";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { createPrismaClient } from "../../src/server/prisma-client";

function shape(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 4) return error;
  const own: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(error)) {
    if (key === "stack") continue;
    const value = (error as unknown as Record<string, unknown>)[key];
    own[key] = key === "cause" ? shape(value, depth + 1) : value;
  }
  return { class: error.constructor.name, name: error.name, ...own };
}

async function capture(label: string, work: () => Promise<unknown>) {
  try {
    await work();
    console.log(`\n## ${label}: no error`);
  } catch (error) {
    console.log(`\n## ${label}\n${JSON.stringify(shape(error), null, 2)}`);
  }
}

const db = await startEmbeddedDatabase({ dataDir: ".data/reliability-probe", port: 54469, fresh: true, log: () => {} });
const prisma = createPrismaClient(db.url, 1, { connectionTimeoutMillis: 1000 });
await prisma.$queryRaw`SELECT 1`;

// 1. Pool exhausted: one connection, held by a transaction.
const held = prisma.$transaction(async (tx) => {
  await tx.$queryRaw`SELECT pg_sleep(3)::text`;
}, { timeout: 10_000, maxWait: 10_000 });
await new Promise((r) => setTimeout(r, 200));
await capture("pool exhausted, plain query", () => prisma.$queryRaw`SELECT 1`);
await capture("pool exhausted, model query", () => prisma.user.count());
await capture("pool exhausted, transaction (maxWait 10 s)", () =>
  prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`, { maxWait: 10_000 }),
);
await capture("pool exhausted, transaction (default maxWait)", () => prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`));
await held.catch(() => {});

// 1b. Pool exhausted longer than Prisma's own transaction maxWait (2 s): who gives up first?
const longHeld = prisma.$transaction(async (tx) => {
  await tx.$queryRaw`SELECT pg_sleep(4)::text`;
}, { timeout: 10_000, maxWait: 10_000 });
await new Promise((r) => setTimeout(r, 200));
const poolTimeoutProbe = createPrismaClient(db.url, 1, { connectionTimeoutMillis: 3000 });
await poolTimeoutProbe.$queryRaw`SELECT 1`;
const probeHeld = poolTimeoutProbe.$transaction(async (tx) => {
  await tx.$queryRaw`SELECT pg_sleep(4)::text`;
}, { timeout: 10_000, maxWait: 10_000 });
await new Promise((r) => setTimeout(r, 200));
await capture("pool exhausted > maxWait (2 s), acquire timeout 3 s, transaction with default maxWait", () =>
  poolTimeoutProbe.$transaction(async (tx) => tx.$queryRaw`SELECT 1`),
);
await capture("pool exhausted, acquire timeout 1 s, transaction with default maxWait", () =>
  prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`),
);
await Promise.all([longHeld.catch(() => {}), probeHeld.catch(() => {})]);
await poolTimeoutProbe.$disconnect();

// 1c. A transaction that outlives its timeout (5 s by default) because it waits on a row lock.
const locker = new Client({ connectionString: db.url });
locker.on("error", () => {});
await locker.connect();
await locker.query("BEGIN; SELECT pg_advisory_xact_lock(42)");
await capture("transaction expired while waiting on a lock", () =>
  prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(42)::text`;
    await tx.$queryRaw`SELECT 1`;
  }, { timeout: 1000 }),
);
await locker.query("COMMIT");
await locker.end();
await new Promise((r) => setTimeout(r, 500));

// 2. The backend is terminated mid-query (what a restart or failover does to open connections): 57P01.
const admin = new Client({ connectionString: db.url });
admin.on("error", () => {});
await admin.connect();
const killer = setTimeout(
  () => void admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(5)%' AND pid <> pg_backend_pid()"),
  500,
);
await capture("backend terminated mid-query", () => prisma.$queryRaw`SELECT pg_sleep(5)::text`);
clearTimeout(killer);
setTimeout(
  () => void admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(4)%' AND pid <> pg_backend_pid()"),
  500,
);
await capture("backend terminated inside a transaction", () =>
  prisma.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(4)::text`, { timeout: 10_000 }),
);
await capture("next query after the termination", () => prisma.$queryRaw`SELECT 1`);
await admin.end();

// 3. The server shuts down while a query runs (57P01 with "terminating connection due to administrator command"),
//    then is gone (ECONNREFUSED).
const sleeping = capture("server stopped mid-query", () => prisma.$queryRaw`SELECT pg_sleep(5)::text`);
await new Promise((r) => setTimeout(r, 300));
await db.stop();
await sleeping;
await capture("server down, plain query", () => prisma.$queryRaw`SELECT 1`);
await capture("server down, model query", () => prisma.user.count());
await capture("server down, transaction", () => prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`));

// 4. Connect to a port where nothing listens with raw pg, for the driver's own shape.
const raw = new Client({ connectionString: db.url });
await capture("raw pg, server down", () => raw.connect());

await prisma.$disconnect().catch(() => {});
process.exit(0);
