import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";
import type { Prisma } from "../generated/prisma/client";

const globalForPrisma = globalThis as unknown as { cawewayPrisma?: PrismaClient };

/**
 * How long a request waits for a pool connection (DATABASE_POOL_TIMEOUT_MS, default 5 s). Without a bound, a saturated
 * pool or an unreachable database holds every request until the client gives up; with it, the request fails fast and
 * src/server/unavailable.ts turns the failure into 503 with Retry-After.
 */
export function poolTimeoutMs(value = process.env.DATABASE_POOL_TIMEOUT_MS): number {
  const parsed = Number(value);
  return value && Number.isInteger(parsed) && parsed > 0 ? parsed : 5_000;
}

/**
 * The shared Prisma client, created on first use so that `next build` never needs a database.
 * The URL comes from DATABASE_URL, which the launcher sets to the embedded server when none is configured.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.cawewayPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Caseway with `npm run dev` or `npm start`");
    globalForPrisma.cawewayPrisma = createPrismaClient(url, 10, { connectionTimeoutMillis: poolTimeoutMs() });
  }
  return globalForPrisma.cawewayPrisma;
}

export type Tx = Prisma.TransactionClient;
