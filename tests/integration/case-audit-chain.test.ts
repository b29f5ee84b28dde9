// The case's tamper-evident audit trail: every event carries its chain sequence, the previous event's hash and its own,
// so verification walks the chain and names the first event that does not hold — a changed event by its own id and
// sequence, a deleted one as a gap at the event after it. Tampering needs the append-only trigger off, which only a
// superuser connection of the test can do; each tampering test uses a case of its own.
import { beforeAll, describe, expect, it } from "vitest";
import { GENESIS_HASH, eventHash } from "@/domain/audit-chain";
import { getCaseAudit, verifyCaseChain } from "@/server/cases/get-case-audit";
import { expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { caseAt, caseAudit, caseCast, withAuditTriggersOff } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

/** A case walked to IMPLEMENTED (opening + 10 actions, 11 chained events), with a comment or two on the way. */
async function walkedCase() {
  const cast = await caseCast(prisma);
  const walked = await caseAt(cast, "IMPLEMENTED");
  await walked.driver.do(cast.dsca, "suspend", { comment: "Funding check", commentVisibility: "USG_INTERNAL" });
  await walked.driver.do(cast.dsca, "resume");
  return { cast, ...walked };
}

describe("a walked case's chain", () => {
  it("links every event to the one before it and verifies", async () => {
    const { cast, caseId } = await walkedCase();
    const events = await caseAudit(prisma, caseId);
    expect(events).toHaveLength(13);
    expect(events.map((e) => e.chainSeq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.chainKey))).toEqual(new Set([`case:${caseId}`]));
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i += 1) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    // Each stored hash is the hash of the stored event, recomputed independently of the verifier.
    for (const event of events) {
      expect(event.hash).toBe(eventHash({ ...event, chainKey: event.chainKey!, chainSeq: event.chainSeq!, prevHash: event.prevHash! }));
    }

    const { verification } = await verifyCaseChain(caseId);
    expect(verification).toEqual({ verified: true, eventCount: 13, headHash: events[12]!.hash });
    const audit = await getCaseAudit(cast.dsca, caseId);
    expect(audit.verification).toEqual(verification);
    expect(audit.events.map((e) => [e.chainSeq, e.id, e.hash])).toEqual(events.map((e) => [e.chainSeq, e.id.toString(), e.hash]));
    // Every USG office may read it; partners may not.
    for (const actor of [cast.ia, cast.state, cast.dtsa]) expect((await getCaseAudit(actor, caseId)).verification.verified).toBe(true);
    await expectAppError(getCaseAudit(cast.partner, caseId), "FORBIDDEN");
    await expectAppError(getCaseAudit(cast.foreignPartner, caseId), "NOT_FOUND");
  });

  it("the append-only trigger refuses changes and deletions from the application's connection", async () => {
    const { caseId } = await walkedCase();
    const [first] = await caseAudit(prisma, caseId);
    await expect(prisma.auditEvent.update({ where: { id: first!.id }, data: { details: { forged: true } } })).rejects.toThrow();
    await expect(prisma.auditEvent.delete({ where: { id: first!.id } })).rejects.toThrow();
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);
  });
});

describe("tampering", () => {
  it("a changed event is reported at that event, by id and sequence; restoring it verifies again", async () => {
    const { cast, caseId } = await walkedCase();
    const events = await caseAudit(prisma, caseId);
    const victim = events.find((e) => e.action === "case.record-deposit")!;
    const original = victim.details;

    await withAuditTriggersOff((client) =>
      client.query(`UPDATE audit_events SET details = jsonb_set(details, '{input,amount}', '"1.00"') WHERE id = $1`, [victim.id.toString()]),
    );
    const tampered = await prisma.auditEvent.findUniqueOrThrow({ where: { id: victim.id } });
    expect(tampered.details).toMatchObject({ input: { amount: "1.00" } });

    const { verification } = await verifyCaseChain(caseId);
    expect(verification).toMatchObject({
      verified: false,
      eventCount: events.length,
      brokenAt: { eventId: victim.id.toString(), chainSeq: victim.chainSeq, reason: expect.stringMatching(/hash differs/) },
    });
    expect((await getCaseAudit(cast.dsca, caseId)).verification).toEqual(verification);

    await withAuditTriggersOff((client) => client.query(`UPDATE audit_events SET details = $1 WHERE id = $2`, [JSON.stringify(original), victim.id.toString()]));
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);
  });

  it("a changed event whose hash was recomputed breaks the link at the next event", async () => {
    const { caseId } = await walkedCase();
    const events = await caseAudit(prisma, caseId);
    const victim = events[4]!;
    const next = events[5]!;
    const forged = { ...victim, details: { ...(victim.details as object), comment: "forged" } };
    const forgedHash = eventHash({ ...forged, chainKey: forged.chainKey!, chainSeq: forged.chainSeq!, prevHash: forged.prevHash! });
    await withAuditTriggersOff((client) =>
      client.query(`UPDATE audit_events SET details = $1, hash = $2 WHERE id = $3`, [JSON.stringify(forged.details), forgedHash, victim.id.toString()]),
    );
    const { verification } = await verifyCaseChain(caseId);
    expect(verification).toMatchObject({
      verified: false,
      brokenAt: { eventId: next.id.toString(), chainSeq: next.chainSeq, reason: expect.stringMatching(/previous hash differs/) },
    });
  });

  it("a deleted event is reported as a gap at the event after it", async () => {
    const { caseId } = await walkedCase();
    const events = await caseAudit(prisma, caseId);
    const victim = events[6]!;
    const next = events[7]!;
    await withAuditTriggersOff((client) => client.query(`DELETE FROM audit_events WHERE id = $1`, [victim.id.toString()]));
    expect(await caseAudit(prisma, caseId)).toHaveLength(events.length - 1);

    const { verification } = await verifyCaseChain(caseId);
    expect(verification).toMatchObject({
      verified: false,
      eventCount: events.length - 1,
      brokenAt: { eventId: next.id.toString(), chainSeq: next.chainSeq, reason: expect.stringMatching(/missing/) },
    });
  });

  it("a deleted first event is reported at the new first one", async () => {
    const { caseId } = await walkedCase();
    const events = await caseAudit(prisma, caseId);
    await withAuditTriggersOff((client) => client.query(`DELETE FROM audit_events WHERE id = $1`, [events[0]!.id.toString()]));
    const { verification } = await verifyCaseChain(caseId);
    expect(verification).toMatchObject({ verified: false, brokenAt: { eventId: events[1]!.id.toString(), chainSeq: 2 } });
  });

  it("swapping two events' contents is caught at the first of them", async () => {
    const { caseId } = await walkedCase();
    const events = await caseAudit(prisma, caseId);
    const [a, b] = [events[2]!, events[3]!];
    await withAuditTriggersOff(async (client) => {
      await client.query(`UPDATE audit_events SET action = $1, details = $2 WHERE id = $3`, [b.action, JSON.stringify(b.details), a.id.toString()]);
      await client.query(`UPDATE audit_events SET action = $1, details = $2 WHERE id = $3`, [a.action, JSON.stringify(a.details), b.id.toString()]);
    });
    expect((await verifyCaseChain(caseId)).verification).toMatchObject({ verified: false, brokenAt: { eventId: a.id.toString(), chainSeq: a.chainSeq } });
  });

  it("tampering with one case leaves every other case's chain intact, and the trigger is back on afterwards", async () => {
    const tamperedCase = await walkedCase();
    const untouched = await walkedCase();
    const [victim] = (await caseAudit(prisma, tamperedCase.caseId)).slice(-1);
    await withAuditTriggersOff((client) => client.query(`UPDATE audit_events SET ip = '198.51.100.66' WHERE id = $1`, [victim!.id.toString()]));
    expect((await verifyCaseChain(tamperedCase.caseId)).verification).toMatchObject({ verified: false, brokenAt: { chainSeq: victim!.chainSeq } });
    expect((await verifyCaseChain(untouched.caseId)).verification.verified).toBe(true);
    // The trigger still guards the table for everyone else.
    await expect(prisma.auditEvent.update({ where: { id: victim!.id }, data: { ip: "192.0.2.1" } })).rejects.toThrow();
    // Work goes on: the damaged chain still names the damage after a new event, the intact one keeps verifying.
    await tamperedCase.driver.do(tamperedCase.cast.ia, "start-execution");
    expect((await verifyCaseChain(tamperedCase.caseId)).verification).toMatchObject({
      verified: false,
      eventCount: 14,
      brokenAt: { eventId: victim!.id.toString(), chainSeq: victim!.chainSeq },
    });
    await untouched.driver.do(untouched.cast.ia, "start-execution");
    expect((await verifyCaseChain(untouched.caseId)).verification).toMatchObject({ verified: true, eventCount: 14 });
  });
});
