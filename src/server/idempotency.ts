import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "@/domain/audit-chain";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "./db";
import { AppError } from "./errors";

// The API's Idempotency-Key for writes that move money or stock (case actions, deposits, payments, requisitions): a
// retry with the same key and body has one effect and gets the first answer back.

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Checks the header's shape; null when the caller sent none. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  const value = key ?? null;
  if (value !== null && !IDEMPOTENCY_KEY.test(value)) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1–200 visible ASCII characters");
  }
  return value;
}

/** A fingerprint of what was asked, so the same key with a different request is refused rather than replayed. */
export const requestHashOf = (request: unknown) => createHash("sha256").update(canonicalJson(request ?? null)).digest("hex");

/**
 * Claims the key inside the write's transaction. A concurrent request with the same key waits on the unique index
 * until this one commits (then replays its answer) or rolls back (then acts itself), so the write happens once.
 * Answers the stored response of an earlier request, or null when this request is the first.
 */
export async function claimIdempotencyKey<T>(tx: Tx, userId: string, key: string, requestHash: string): Promise<T | null> {
  const inserted = await tx.$executeRaw`
    INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response_body)
    VALUES (${userId}::uuid, ${key}, ${requestHash}, 0, '{}'::jsonb)
    ON CONFLICT (user_id, key) DO NOTHING`;
  if (inserted === 1) return null;
  const earlier = await tx.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (!earlier) throw new AppError("CONFLICT", "A request with this Idempotency-Key is still in progress; retry shortly");
  if (earlier.requestHash !== requestHash) {
    throw new AppError("VALIDATION_FAILED", "This Idempotency-Key was already used for a different request", {
      fields: { "Idempotency-Key": "Use a new key for a different request" },
    });
  }
  return earlier.responseBody as unknown as T;
}

/** Stores the answer under the claimed key, in the same transaction as the write. */
export async function storeIdempotentAnswer(tx: Tx, userId: string, key: string, answer: unknown, statusCode = 200) {
  await tx.idempotencyKey.update({
    where: { userId_key: { userId, key } },
    data: { statusCode, responseBody: answer as Prisma.InputJsonObject },
  });
}
