// Dev tool: Node CPU per statement through pg directly and through Prisma (ADR 0034), on a warm pool.
//   npx tsx scripts/dev/statement-cost.ts postgresql://…  (any Caseway database with at least one case)
import pg from "pg";
import { Prisma } from "../../src/generated/prisma/client";
import { createPrismaClient } from "../../src/server/prisma-client";

const url = process.argv[2] ?? process.env.DATABASE_URL;
if (!url) throw new Error("Usage: npx tsx scripts/dev/statement-cost.ts <database url>");
const prisma = createPrismaClient(url, 4);
const pool = new pg.Pool({ connectionString: url, max: 4 });
const id = (await pool.query<{ id: string }>("SELECT id FROM cases LIMIT 1")).rows[0]?.id;
if (!id) throw new Error("The database has no cases");

async function measure(label: string, runs: number, operation: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await operation();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await operation();
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  console.log(`${label.padEnd(44)} CPU ${((used.user + used.system) / 1000 / runs).toFixed(3)} ms   wall ${(wall / runs).toFixed(3)} ms`);
}

const read = Prisma.sql`SELECT version FROM cases WHERE id = ${id}::uuid`;
await measure("SELECT 1 through pg", 2000, () => pool.query("SELECT 1"));
await measure("SELECT 1 through Prisma $queryRaw", 2000, () => prisma.$queryRaw`SELECT 1`);
await measure("one-row read through pg", 2000, () => pool.query(read.text, read.values));
await measure("one-row read through Prisma $queryRaw", 2000, () => prisma.$queryRaw(read));
await measure("BEGIN, 3 statements, COMMIT through pg", 1000, async () => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`${read.text} FOR UPDATE`, read.values);
    await client.query("SELECT 1");
    await client.query("SELECT 2");
    await client.query("COMMIT");
  } finally {
    client.release();
  }
});
await measure("the same as a Prisma interactive transaction", 1000, () =>
  prisma.$transaction(async (tx) => {
    await tx.$queryRaw(Prisma.sql`${read} FOR UPDATE`);
    await tx.$queryRaw`SELECT 1`;
    await tx.$queryRaw`SELECT 2`;
  }),
);
await prisma.$disconnect();
await pool.end();
