// Builders shared by the LOR and case integration tests: organizations with collision-free codes, actors, letters
// brought to a given status through the real use cases, sample files and audit look-ups.
import { randomInt } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "@/domain/policy";
import type { Role } from "@/domain/roles";
import type { PrismaClient } from "@/generated/prisma/client";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { createLor } from "@/server/lors/create-lor";
import { submitLor } from "@/server/lors/submit-lor";
import { SLA_RULES } from "../../prisma/seed";
import { createOrganization, createUser } from "../factories";
import { completeLorContent, type LorContent } from "../factories/lor";
import { actorOf, context, uniqueEmail } from "./helpers";

type Db = PrismaClient;

const CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

/** A code of `length` characters starting with `prefix`, random after it. */
export function randomCode(prefix: string, length: number): string {
  let code = prefix;
  while (code.length < length) code += CODE_CHARS[randomInt(CODE_CHARS.length)];
  return code;
}

/** The LOR_VALIDATION rule (5 calendar days) the submit use case needs. */
export async function seedSlaRules(prisma: Db) {
  await prisma.slaRule.createMany({ data: SLA_RULES, skipDuplicates: true });
}

/**
 * A partner country of its own. Six characters by default so that, with a five-character agency, a case identifier
 * (country-agency-designator) still fits its 16 characters.
 */
export function newCountry(prisma: Db, code = randomCode("Q", 6)) {
  return createOrganization(prisma, { kind: "PARTNER_COUNTRY", code, name: `Test country ${code}` });
}

/** A two-character country code, for tests that check the CC-I-DDD format; may be shared with another test. */
export function twoLetterCountry(prisma: Db) {
  return newCountry(prisma, randomCode("Q", 2));
}

export function newAgency(prisma: Db, code = randomCode("Y", 5)) {
  return createOrganization(prisma, { kind: "IMPLEMENTING_AGENCY", code, name: `Test agency ${code}` });
}

export function newOffice(prisma: Db, kind: "DSCA" | "STATE_PM" | "DTSA", name?: string) {
  const code = randomCode("O", 8);
  return createOrganization(prisma, { kind, code, name: name ?? `Test office ${code}` });
}

/** A signed-in user of `role` in `organizationId` (or the factory's default office for USG roles). */
export async function actorFor(prisma: Db, role: Role, organizationId?: string, name?: string): Promise<Actor> {
  return actorOf(await createUser(prisma, { role, organizationId, name, email: uniqueEmail(role.toLowerCase()) }));
}

export const partnerOf = (prisma: Db, countryId: string, name?: string) => actorFor(prisma, "PARTNER_OFFICER", countryId, name);
export const dscaActor = (prisma: Db, name?: string) => actorFor(prisma, "DSCA_ANALYST", undefined, name);
export const iaManagerOf = (prisma: Db, agencyId: string) => actorFor(prisma, "IA_CASE_MANAGER", agencyId);

/** A country with its own partner officer, a fresh agency and a DSCA analyst. */
export async function world(prisma: Db) {
  const country = await newCountry(prisma);
  const agency = await newAgency(prisma);
  const partner = await partnerOf(prisma, country.id);
  const dsca = await dscaActor(prisma);
  return { country, agency, partner, dsca };
}

export function draftLor(partner: Actor, overrides: LorContent = {}) {
  return createLor(partner, completeLorContent(overrides), context());
}

export async function submittedLor(partner: Actor, overrides: LorContent = {}) {
  const draft = await draftLor(partner, overrides);
  return submitLor(partner, draft.id, { expectedVersion: draft.version }, context());
}

export async function underValidationLor(partner: Actor, validator: Actor, overrides: LorContent = {}) {
  const submitted = await submittedLor(partner, overrides);
  return acknowledgeLor(validator, submitted.id, { expectedVersion: submitted.version }, context());
}

/** Audit rows about one letter, oldest first. */
export function lorAudit(prisma: Db, lorId: string, action?: string) {
  return prisma.auditEvent.findMany({
    where: { targetType: "lor", targetId: lorId, ...(action ? { action } : {}) },
    orderBy: { id: "asc" },
  });
}

/** Asserts that the settled results are exactly one success and one failure with `code`; returns both. */
export function oneWinnerOneLoser<T>(results: PromiseSettledResult<T>[], code: string) {
  const fulfilled = results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled");
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(rejected.map((r) => (r.reason as { code?: unknown }).code ?? String(r.reason))).toEqual([code]);
  expect(fulfilled).toHaveLength(1);
  return { winner: fulfilled[0]!.value, loser: rejected[0]!.reason as { code: string; status: number; extra: { currentVersion?: number } } };
}

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));

/** A minimal but real PDF 1.7 file. */
export const PDF_BYTES = bytes(
  "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
  "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
/** The PNG signature followed by an IHDR chunk. */
export const PNG_BYTES = bytes(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00],
  [0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82],
);
/** The JPEG SOI and a JFIF APP0 segment. */
export const JPEG_BYTES = bytes(
  [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
  "JFIF\0",
  [0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9],
);

/** Polls until at least `count` backends wait on a lock (transactions we parked behind another), or fails after a while. */
export async function waitForLockWaiters(prisma: Db, count = 1, timeoutMs = 4000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await prisma.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (Number(row!.waiting) >= count) return;
    if (Date.now() > deadline) throw new Error(`Fewer than ${count} transactions started waiting on a lock`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs operations so that they race for real: a transaction of ours holds the letter's row lock while they start, so
 * each reads the same version and parks on its write; once `waiters` of them wait, the lock is released and they
 * fight it out. Returns their settled results in order.
 */
export async function raceOnLetter<T>(prisma: Db, lorId: string, start: () => Promise<T>[], waiters = 2) {
  let pending: Promise<PromiseSettledResult<T>[]> | undefined;
  await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM letters_of_request WHERE id = ${lorId}::uuid FOR UPDATE`;
      pending = Promise.allSettled(start());
      await waitForLockWaiters(prisma, waiters);
    },
    { timeout: 10_000 },
  );
  return pending!;
}
