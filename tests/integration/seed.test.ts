import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { actorFromUser } from "@/domain/policy";
import { verifySignIn } from "@/server/auth/verify-sign-in";
import { compareDocuments } from "@/server/loa/compare-documents";
import { AMENDED_DEMO_DESCRIPTION, AMENDMENT_REASON } from "../../prisma/demo-changes";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo, seedReference } from "../../prisma/seed";
import { context, testPrisma } from "./helpers";

const prisma = testPrisma();

function csv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join("prisma/reference", file), "utf8"), { columns: true, skip_empty_lines: true, trim: true });
}

describe("seedReference", () => {
  it("loads every reference organization and is idempotent", async () => {
    const countries = csv("partner-countries.csv");
    const agencies = csv("implementing-agencies.csv");
    const expected = [
      ...countries.map((r) => ({ kind: "PARTNER_COUNTRY" as const, code: r.fms_code! })),
      ...agencies.map((r) => ({ kind: "IMPLEMENTING_AGENCY" as const, code: r.code! })),
      { kind: "IMPLEMENTING_AGENCY" as const, code: "B" },
      { kind: "IMPLEMENTING_AGENCY" as const, code: "D" },
      { kind: "DSCA" as const, code: "DSCA" },
      { kind: "STATE_PM" as const, code: "PM" },
      { kind: "DTSA" as const, code: "DTSA" },
    ];
    const present = () => prisma.organization.count({ where: { OR: expected } });
    const before = await present();

    const first = await seedReference(prisma);
    expect(first).toBe(expected.length - before);
    expect(await present()).toBe(expected.length);

    const total = await prisma.organization.count();
    expect(await seedReference(prisma)).toBe(0);
    expect(await prisma.organization.count()).toBe(total);
  });

  it("loads SR (not NATO+) and W7 (NATO+) as verified partner countries with their sources", async () => {
    await seedReference(prisma);
    const sr = await prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind: "PARTNER_COUNTRY", code: "SR" } } });
    expect(sr).toMatchObject({ name: "Saudi Arabia", natoPlus: false, natoMember: false, verified: true, standardOedDays: 85 });
    expect(sr.source).toMatch(/partner-countries\.csv/);
    const w7 = await prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind: "PARTNER_COUNTRY", code: "W7" } } });
    expect(w7).toMatchObject({ natoPlus: true, verified: true });
    expect(w7.name).toMatch(/NATO Support and Procurement Agency/);
  });

  it("seeds Army B and Air Force D unverified, explaining why", async () => {
    await seedReference(prisma);
    for (const [code, name] of [
      ["B", /Army/],
      ["D", /Air Force/],
    ] as const) {
      const agency = await prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind: "IMPLEMENTING_AGENCY", code } } });
      expect(agency.verified).toBe(false);
      expect(agency.verifiedAt).toBeNull();
      expect(agency.name).toMatch(name);
      expect(agency.source).toMatch(/not found in a public code table/);
      expect(agency.source).toMatch(/Confirm against SAMM/);
    }
    const navy = await prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind: "IMPLEMENTING_AGENCY", code: "P" } } });
    expect(navy.verified).toBe(true);
  });

  it("never overwrites what an administrator changed", async () => {
    await seedReference(prisma);
    const b = await prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind: "IMPLEMENTING_AGENCY", code: "B" } } });
    await prisma.organization.update({ where: { id: b.id }, data: { verified: true, verifiedAt: new Date() } });
    try {
      await seedReference(prisma);
      expect((await prisma.organization.findUniqueOrThrow({ where: { id: b.id } })).verified).toBe(true);
    } finally {
      await prisma.organization.update({ where: { id: b.id }, data: { verified: false, verifiedAt: null } });
    }
  });
});

describe("seedDemo", () => {
  it("creates the twelve demo users in their organizations, idempotently", async () => {
    await seedReference(prisma);
    await seedDemo(prisma);
    const emails = DEMO_USERS.map((u) => u.email);
    expect(emails).toHaveLength(12);

    const users = await prisma.user.findMany({ where: { email: { in: emails } }, include: { organization: true } });
    expect(users).toHaveLength(12);
    for (const demo of DEMO_USERS) {
      const user = users.find((u) => u.email === demo.email)!;
      expect(user).toMatchObject({ name: demo.name, role: demo.role, active: true });
      expect(user.organization).toMatchObject({ kind: demo.org[0], code: demo.org[1] });
    }
    const bn = await prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind: "PARTNER_COUNTRY", code: "BN" } } });
    expect(bn).toMatchObject({ natoPlus: true, verified: false });
    expect(bn.source).toMatch(/Demo data only/);

    // Running again adds nothing and leaves changes alone.
    const admin = users.find((u) => u.role === "ADMIN")!;
    await prisma.user.update({ where: { id: admin.id }, data: { name: "Renamed Admin" } });
    try {
      const userCount = await prisma.user.count();
      const orgCount = await prisma.organization.count();
      await seedDemo(prisma);
      expect(await prisma.user.count()).toBe(userCount);
      expect(await prisma.organization.count()).toBe(orgCount);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe("Renamed Admin");
    } finally {
      // Leave the demo data as the seed made it, so the suite can run again against the same database.
      await prisma.user.update({ where: { id: admin.id }, data: { name: admin.name } });
    }
  });

  it("has a surcharge change waiting for approval, with its impact over the demo's open LOAs, and an approved clock change", async () => {
    await seedReference(prisma);
    await seedDemo(prisma);
    const officer = await prisma.user.findUniqueOrThrow({ where: { email: "policy@caseway.example" } });
    const changes = await prisma.policyChange.findMany({ where: { proposedById: officer.id }, include: { rule: true } });
    const waiting = changes.find((c) => c.status === "PROPOSED")!;
    expect(waiting).toMatchObject({ key: "ADMIN_SURCHARGE", table: "PRICING_RATE" });
    expect(waiting.value?.toString()).toBe("0.035");
    expect(waiting.impactComputedAt).not.toBeNull();
    expect(await prisma.policyChangeImpact.count({ where: { policyChangeId: waiting.id } })).toBeGreaterThan(0);
    const approved = changes.find((c) => c.status === "APPROVED")!;
    expect(approved.rule).toMatchObject({ key: "REVIEW_DTSA", days: 25, dayKind: "CALENDAR", policyChangeId: approved.id });
    // Idempotent: a second run adds nothing.
    await seedDemo(prisma);
    expect(await prisma.policyChange.count({ where: { proposedById: officer.id } })).toBe(changes.length);
  });

  it("has an implemented case whose accepted Amendment adds a line and changes another, to compare with its basic LOA", async () => {
    await seedReference(prisma);
    await seedDemo(prisma);
    const actor = async (email: string) =>
      actorFromUser(await prisma.user.findUniqueOrThrow({ where: { email }, include: { organization: true } }));
    const basic = await prisma.caseDocument.findFirstOrThrow({
      where: { number: 1, description: AMENDED_DEMO_DESCRIPTION },
      include: { case: { select: { id: true, identifier: true, status: true } } },
    });
    const { id: caseId, identifier, status } = basic.case;
    expect(status).toBe("IMPLEMENTED");
    const documents = await prisma.caseDocument.findMany({ where: { caseId }, orderBy: { number: "asc" } });
    expect(documents.map((d) => [d.number, d.documentType, d.status])).toEqual([
      [1, "BASIC", "IMPLEMENTED"],
      [2, "AMENDMENT", "ACCEPTED"],
    ]);
    expect(documents[1]).toMatchObject({ changeReason: AMENDMENT_REASON, acceptedByName: "Capt. Ilse Moreau" });

    // The page's default comparison (the Amendment in force against the basic LOA), as the agency and the partner see it.
    for (const email of ["navy@caseway.example", "dsca@caseway.example", "partner.bn@caseway.example"]) {
      const view = await compareDocuments(await actor(email), caseId, {});
      expect(view, email).toMatchObject({ caseIdentifier: identifier, identical: false, from: { number: 1 }, to: { number: 2 } });
      expect(view.counts).toMatchObject({ ADDED: 1, REMOVED: 0, CHANGED: 1, UNCHANGED: 2 });
      const added = view.lines.find((l) => l.status === "ADDED")!;
      expect(added).toMatchObject({ lineNumber: "004", lineTotal: { before: null, after: "370000.00", difference: "370000.00" } });
      const changed = view.lines.find((l) => l.status === "CHANGED")!;
      expect(changed.lineNumber).toBe("002");
      expect(changed.fields.map((f) => [f.field, f.before, f.after])).toEqual([["unitCost", "420000.00", "465000.00"]]);
      expect(changed.lineTotal.difference).toBe("45000.00");
      expect(Number(view.costSummary.totalEstimatedCost.difference)).toBeGreaterThan(415000);
    }

    // And a Modification waiting for DSCA's review on another implemented case.
    const pending = await prisma.caseDocument.findMany({ where: { status: "SUBMITTED", documentType: "MODIFICATION" }, include: { case: true } });
    expect(pending.some((d) => d.case.status === "IMPLEMENTED" && d.case.identifier.startsWith("SR-"))).toBe(true);
  });

  it("demo users can sign in with the demo password", async () => {
    await seedReference(prisma);
    await seedDemo(prisma);
    const result = await verifySignIn({ email: "auditor@caseway.example", password: DEMO_PASSWORD }, context());
    expect(result).toMatchObject({ ok: true });
  });
});
