// A person's own signing keys (issue 16 §5, ADR 0031), against PostgreSQL: the profile and the API list them newest
// first with the one in use; rotating retires it and makes a new one; revoking needs a reason, is audited, and leaves
// the key's earlier signatures alone; another person's key is as if it did not exist (404).
import { describe, expect, it } from "vitest";
import { listOwnSigningKeys, revokeOwnSigningKey } from "@/server/signatures/own-signing-keys";
import { rotateOwnSigningKey } from "@/server/signatures/rotate-own-signing-key";
import { caseCast } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";

const prisma = testPrisma();

describe("one's own signing keys", () => {
  it("are listed newest first; rotating retires the key in use and the new one signs next", async () => {
    const { partner } = await caseCast(prisma);
    expect((await listOwnSigningKeys(partner)).items).toEqual([]);

    const first = await rotateOwnSigningKey(partner, context());
    const second = await rotateOwnSigningKey(partner, context());
    expect(second.retired).toBe(1);
    const { items } = await listOwnSigningKeys(partner);
    expect(items.map((k) => [k.kid, k.current])).toEqual([
      [second.kid, true],
      [first.kid, false],
    ]);
    expect(items[1]!.retiredAt).not.toBeNull();
    expect(items.every((k) => k.revokedAt === null)).toBe(true);
  });

  it("revoking one's key needs a reason, records it with the key and in the audit log, and cannot be done twice", async () => {
    const { partner } = await caseCast(prisma);
    const key = await rotateOwnSigningKey(partner, context());

    await expectAppError(revokeOwnSigningKey(partner, { kid: key.kid, reason: "" }, context()), "VALIDATION_FAILED");
    expect((await listOwnSigningKeys(partner)).items[0]!.revokedAt).toBeNull();

    const revoked = await revokeOwnSigningKey(partner, { kid: key.kid, reason: "Laptop stolen on 5 December" }, context());
    expect(revoked).toMatchObject({ kid: key.kid, current: false, revokedReason: "Laptop stolen on 5 December" });
    expect(revoked.revokedAt).not.toBeNull();
    const audit = await prisma.auditEvent.findFirst({ where: { action: "signing-key.revoke", actorUserId: partner.userId } });
    expect(audit?.details).toEqual({ kid: key.kid, reason: "Laptop stolen on 5 December" });
    await expectAppError(revokeOwnSigningKey(partner, { kid: key.kid, reason: "Again, to be sure" }, context()), "CONFLICT");
  });

  it("another person's key answers NOT_FOUND (a refusal, which the doors audit) and stays untouched", async () => {
    const { partner, foreignPartner } = await caseCast(prisma);
    const theirs = await rotateOwnSigningKey(foreignPartner, context());
    await expectAppError(revokeOwnSigningKey(partner, { kid: theirs.kid, reason: "Not mine to revoke" }, context()), "NOT_FOUND");
    expect((await listOwnSigningKeys(foreignPartner)).items[0]).toMatchObject({ kid: theirs.kid, current: true, revokedAt: null });
    expect((await listOwnSigningKeys(partner)).items).toEqual([]);
  });
});
