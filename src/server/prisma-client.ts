// Creates a Prisma client on the pg driver adapter. Kept free of `server-only` so scripts and tests can use it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(databaseUrl: string, poolSize = 10, options: { logQueries?: boolean } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  // Query events let a test count the statements a request issues (tests/integration/query-counts.test.ts).
  return new PrismaClient({ adapter, ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}) });
}

export type { PrismaClient };
