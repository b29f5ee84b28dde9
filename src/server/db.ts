import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";
import type { Prisma } from "../generated/prisma/client";

const globalForPrisma = globalThis as unknown as { cawewayPrisma?: PrismaClient };

/**
 * The shared Prisma client, created on first use so that `next build` never needs a database.
 * The URL comes from DATABASE_URL, which the launcher sets to the embedded server when none is configured.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.cawewayPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Caseway with `npm run dev` or `npm start`");
    globalForPrisma.cawewayPrisma = createPrismaClient(url);
  }
  return globalForPrisma.cawewayPrisma;
}

export type Tx = Prisma.TransactionClient;
