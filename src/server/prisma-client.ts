// Creates a Prisma client on the pg driver adapter. Kept free of `server-only` so scripts and tests can use it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export interface PrismaClientOptions {
  logQueries?: boolean;
  /**
   * How long a query may wait for a free pool connection before it fails (pg's `connectionTimeoutMillis`; it also
   * bounds opening a new connection). 0 or unset waits forever, which suits scripts; the app passes a few seconds so a
   * saturated pool or an unreachable database answers 503 instead of holding every request (src/server/db.ts).
   */
  connectionTimeoutMillis?: number;
}

export function createPrismaClient(databaseUrl: string, poolSize = 10, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolSize,
    ...(options.connectionTimeoutMillis ? { connectionTimeoutMillis: options.connectionTimeoutMillis } : {}),
  });
  // Query events let a test count the statements a request issues (tests/integration/query-counts.test.ts).
  return new PrismaClient({ adapter, ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}) });
}

export type { PrismaClient };
