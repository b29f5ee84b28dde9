// Who may see and touch a letter of request: partners only their own country's (anything else is 404, never 403, so
// existence does not leak); USG staff never see unsent drafts; validation is for DSCA and the routed agency only.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import type { Role } from "@/domain/roles";
import { getCase } from "@/server/cases/get-case";
import { listCases } from "@/server/cases/list-cases";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { addLorAttachment } from "@/server/lors/add-lor-attachment";
import { createLor } from "@/server/lors/create-lor";
import { disapproveLor } from "@/server/lors/disapprove-lor";
import { getLor } from "@/server/lors/get-lor";
import { getLorAttachment } from "@/server/lors/get-lor-attachment";
import { listLorEvents } from "@/server/lors/list-lor-events";
import { listLors } from "@/server/lors/list-lors";
import { markLorActionable } from "@/server/lors/mark-lor-actionable";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { markLorInsufficient } from "@/server/lors/mark-lor-insufficient";
import { removeLorAttachment } from "@/server/lors/remove-lor-attachment";
import { respondPriceAndAvailability } from "@/server/lors/respond-price-and-availability";
import { submitLor } from "@/server/lors/submit-lor";
import { updateLor } from "@/server/lors/update-lor";
import { withdrawLor } from "@/server/lors/withdraw-lor";
import { completeLorContent } from "../factories/lor";
import { context, expectAppError, testPrisma } from "./helpers";
import {
  actorFor,
  draftLor,
  iaManagerOf,
  lorAudit,
  newAgency,
  newCountry,
  partnerOf,
  PDF_BYTES,
  seedSlaRules,
  submittedLor,
  underValidationLor,
  world,
} from "./lor-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const pdf = (name = "letter.pdf") => ({ name, bytes: PDF_BYTES });

/** Another country with its own partner officer. */
async function foreignPartner() {
  const other = await newCountry(prisma);
  return partnerOf(prisma, other.id);
}

describe("a partner officer of another country", () => {
  it("gets NOT_FOUND for every read and write on a draft, and changes nothing", async () => {
    const { partner } = await world(prisma);
    const intruder = await foreignPartner();
    const lor = await draftLor(partner);
    const attachment = await addLorAttachment(partner, lor.id, { kind: "SIGNED_LETTER" }, pdf(), context());
    const auditBefore = (await lorAudit(prisma, lor.id)).length;

    await expectAppError(getLor(intruder, lor.id), "NOT_FOUND");
    await expectAppError(updateLor(intruder, lor.id, { expectedVersion: lor.version, subject: "Hijacked" }, context()), "NOT_FOUND");
    await expectAppError(submitLor(intruder, lor.id, { expectedVersion: lor.version }, context()), "NOT_FOUND");
    await expectAppError(withdrawLor(intruder, lor.id, { expectedVersion: lor.version, reason: "No" }, context()), "NOT_FOUND");
    await expectAppError(listLorEvents(intruder, lor.id), "NOT_FOUND");
    await expectAppError(getLorAttachment(intruder, lor.id, attachment.id), "NOT_FOUND");
    await expectAppError(removeLorAttachment(intruder, lor.id, attachment.id, context()), "NOT_FOUND");
    await expectAppError(addLorAttachment(intruder, lor.id, { kind: "OTHER" }, pdf("planted.pdf"), context()), "NOT_FOUND");

    const row = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id }, include: { attachments: true } });
    expect(row).toMatchObject({ status: "DRAFT", version: lor.version, subject: lor.subject });
    expect(row.attachments.map((a) => a.id)).toEqual([attachment.id]);
    expect(await lorAudit(prisma, lor.id)).toHaveLength(auditBefore);
  });

  it("ids that are not UUIDs are NOT_FOUND everywhere", async () => {
    const { partner } = await world(prisma);
    for (const id of ["../etc/passwd", "1 OR 1=1", ""]) {
      await expectAppError(getLor(partner, id), "NOT_FOUND");
      await expectAppError(updateLor(partner, id, { expectedVersion: 1, subject: "x" }, context()), "NOT_FOUND");
      await expectAppError(submitLor(partner, id, { expectedVersion: 1 }, context()), "NOT_FOUND");
      await expectAppError(listLorEvents(partner, id), "NOT_FOUND");
      await expectAppError(addLorAttachment(partner, id, { kind: "OTHER" }, pdf(), context()), "NOT_FOUND");
      await expectAppError(getCase(partner, id), "NOT_FOUND");
    }
  });

  it("gets NOT_FOUND (not FORBIDDEN) for validation actions on a submitted letter", async () => {
    const { partner } = await world(prisma);
    const intruder = await foreignPartner();
    const lor = await submittedLor(partner);
    const v = { expectedVersion: lor.version };
    await expectAppError(acknowledgeLor(intruder, lor.id, v, context()), "NOT_FOUND");
    await expectAppError(markLorInsufficient(intruder, lor.id, { ...v, reasons: "x" }, context()), "NOT_FOUND");
    await expectAppError(disapproveLor(intruder, lor.id, { ...v, reason: "x" }, context()), "NOT_FOUND");
    await expectAppError(withdrawLor(intruder, lor.id, v, context()), "NOT_FOUND");
    expect((await getLor(partner, lor.id)).status).toBe("SUBMITTED");
  });

  it("cannot read another country's case, and lists never include other countries' letters or cases", async () => {
    const mine = await world(prisma);
    const theirs = await world(prisma);
    const ownLors = [await draftLor(mine.partner), await submittedLor(mine.partner)];
    const theirLors = [await draftLor(theirs.partner), await submittedLor(theirs.partner)];
    const ownCaseLor = await underValidationLor(mine.partner, mine.dsca, { preferredAgencyCode: mine.agency.code });
    const theirCaseLor = await underValidationLor(theirs.partner, theirs.dsca, { preferredAgencyCode: theirs.agency.code });
    const ownCase = (await markLorComplete(mine.dsca, ownCaseLor.id, { expectedVersion: ownCaseLor.version }, context())).case!;
    const theirCase = (await markLorComplete(theirs.dsca, theirCaseLor.id, { expectedVersion: theirCaseLor.version }, context())).case!;

    await expectAppError(getCase(mine.partner, theirCase.id), "NOT_FOUND");
    expect((await getCase(mine.partner, ownCase.id)).identifier).toBe(ownCase.identifier);

    const lors = await listLors(mine.partner, { pageSize: 100 });
    expect(lors.items.map((l) => l.id).sort()).toEqual([...ownLors.map((l) => l.id), ownCaseLor.id].sort());
    expect(lors.total).toBe(3);
    expect(new Set(lors.items.map((l) => l.country.id))).toEqual(new Set([mine.country.id]));
    // Searching for the other country's code or case identifier finds nothing.
    expect((await listLors(mine.partner, { q: theirs.country.code })).total).toBe(0);
    expect((await listLors(mine.partner, { q: theirCase.identifier })).total).toBe(0);
    for (const theirs of theirLors) expect(lors.items.map((l) => l.id)).not.toContain(theirs.id);

    const cases = await listCases(mine.partner, { pageSize: 100 });
    expect(cases.items.map((c) => c.identifier)).toEqual([ownCase.identifier]);
    expect(cases.total).toBe(1);
    expect((await listCases(mine.partner, { q: theirCase.identifier })).total).toBe(0);
  });
});

const USG_ROLES = ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "IA_CASE_MANAGER", "AUDITOR", "ADMIN"] as const satisfies readonly Role[];

async function usgActor(role: (typeof USG_ROLES)[number]): Promise<Actor> {
  return role === "IA_CASE_MANAGER" ? iaManagerOf(prisma, (await newAgency(prisma)).id) : actorFor(prisma, role);
}

describe.each(USG_ROLES)("a %s", (role) => {
  it("gets NOT_FOUND for an unsent draft and does not list it, then sees the letter once it is submitted", async () => {
    const { country, partner } = await world(prisma);
    const staff = await usgActor(role);
    const lor = await draftLor(partner);
    const attachment = await addLorAttachment(partner, lor.id, { kind: "SIGNED_LETTER" }, pdf(), context());

    await expectAppError(getLor(staff, lor.id), "NOT_FOUND");
    await expectAppError(listLorEvents(staff, lor.id), "NOT_FOUND");
    await expectAppError(getLorAttachment(staff, lor.id, attachment.id), "NOT_FOUND");
    expect((await listLors(staff, { q: country.code })).items.map((l) => l.id)).not.toContain(lor.id);

    await submitLor(partner, lor.id, { expectedVersion: lor.version }, context());

    expect(await getLor(staff, lor.id)).toMatchObject({ id: lor.id, status: "SUBMITTED" });
    expect((await listLorEvents(staff, lor.id)).map((e) => e.action)).toEqual(["lor.create", "lor.attachment_add", "lor.submit"]);
    expect(Buffer.from((await getLorAttachment(staff, lor.id, attachment.id)).bytes)).toEqual(Buffer.from(PDF_BYTES));
    expect((await listLors(staff, { q: country.code })).items.map((l) => l.id)).toEqual([lor.id]);
  });
});

describe("validation permissions", () => {
  it("a partner officer is FORBIDDEN every validation action on their own country's letter", async () => {
    const { partner, dsca } = await world(prisma);
    const submitted = await submittedLor(partner);
    const v = { expectedVersion: submitted.version };
    await expectAppError(acknowledgeLor(partner, submitted.id, v, context()), "FORBIDDEN");
    await expectAppError(disapproveLor(partner, submitted.id, { ...v, reason: "We disapprove of ourselves" }, context()), "FORBIDDEN");

    const validating = await acknowledgeLor(dsca, submitted.id, v, context());
    const w = { expectedVersion: validating.version };
    await expectAppError(markLorInsufficient(partner, validating.id, { ...w, reasons: "Self-review" }, context()), "FORBIDDEN");
    await expectAppError(markLorActionable(partner, validating.id, w, context()), "FORBIDDEN");
    await expectAppError(markLorComplete(partner, validating.id, w, context()), "FORBIDDEN");

    const pa = await underValidationLor(partner, dsca, { requestType: "PRICE_AND_AVAILABILITY" });
    const complete = await markLorComplete(dsca, pa.id, { expectedVersion: pa.version }, context());
    await expectAppError(
      respondPriceAndAvailability(partner, pa.id, { expectedVersion: complete.version, estimatedValue: "1.00", availability: "Now" }, context()),
      "FORBIDDEN",
    );

    expect((await getLor(partner, validating.id)).status).toBe("UNDER_VALIDATION");
    expect((await getLor(partner, pa.id)).status).toBe("COMPLETE");
  });

  it("USG staff are FORBIDDEN to draft, edit, withdraw or attach files", async () => {
    const { partner, dsca } = await world(prisma);
    await expectAppError(createLor(dsca, completeLorContent(), context()), "FORBIDDEN");
    const submitted = await submittedLor(partner);
    await expectAppError(updateLor(dsca, submitted.id, { expectedVersion: submitted.version, subject: "Edited by DSCA" }, context()), "FORBIDDEN");
    await expectAppError(withdrawLor(dsca, submitted.id, { expectedVersion: submitted.version }, context()), "FORBIDDEN");
    await expectAppError(addLorAttachment(dsca, submitted.id, { kind: "OTHER" }, pdf(), context()), "FORBIDDEN");
  });

  it("State and DTSA reviewers may disapprove but not validate; auditors may do neither", async () => {
    const { partner } = await world(prisma);
    const state = await actorFor(prisma, "STATE_REVIEWER");
    const dtsa = await actorFor(prisma, "DTSA_REVIEWER");
    const auditor = await actorFor(prisma, "AUDITOR");
    const lor = await submittedLor(partner);
    const v = { expectedVersion: lor.version };
    await expectAppError(acknowledgeLor(state, lor.id, v, context()), "FORBIDDEN");
    await expectAppError(acknowledgeLor(dtsa, lor.id, v, context()), "FORBIDDEN");
    await expectAppError(acknowledgeLor(auditor, lor.id, v, context()), "FORBIDDEN");
    await expectAppError(disapproveLor(auditor, lor.id, { ...v, reason: "Audit says no" }, context()), "FORBIDDEN");
    const disapproved = await disapproveLor(dtsa, lor.id, { ...v, reason: "Technology security" }, context());
    expect(disapproved).toMatchObject({ status: "DISAPPROVED", statusReason: "Technology security" });
  });

  it("an IA case manager is FORBIDDEN to validate a letter routed to another agency, and may take an unrouted one", async () => {
    const { partner, dsca } = await world(prisma);
    const navy = await newAgency(prisma);
    const army = await newAgency(prisma);
    const navyManager = await iaManagerOf(prisma, navy.id);

    const routedToArmy = await submittedLor(partner, { preferredAgencyCode: army.code });
    expect(routedToArmy.routedAgency?.id).toBe(army.id);
    await expectAppError(acknowledgeLor(navyManager, routedToArmy.id, { expectedVersion: routedToArmy.version }, context()), "FORBIDDEN");
    // It can still read it: validation, not visibility, is limited to the routed agency.
    expect((await getLor(navyManager, routedToArmy.id)).status).toBe("SUBMITTED");

    const underValidation = await acknowledgeLor(dsca, routedToArmy.id, { expectedVersion: routedToArmy.version }, context());
    const w = { expectedVersion: underValidation.version };
    await expectAppError(markLorActionable(navyManager, underValidation.id, w, context()), "FORBIDDEN");
    await expectAppError(markLorComplete(navyManager, underValidation.id, w, context()), "FORBIDDEN");
    await expectAppError(markLorInsufficient(navyManager, underValidation.id, { ...w, reasons: "Not ours" }, context()), "FORBIDDEN");
    expect(await prisma.case.count({ where: { openedFromLorId: underValidation.id } })).toBe(0);

    const unrouted = await submittedLor(partner, { preferredAgencyCode: null });
    expect(unrouted.routedAgency).toBeNull();
    const taken = await acknowledgeLor(navyManager, unrouted.id, { expectedVersion: unrouted.version }, context());
    expect(taken).toMatchObject({ status: "UNDER_VALIDATION", routedAgency: { id: navy.id, code: navy.code } });
    // Only DSCA routes letters.
    const another = await submittedLor(partner, { preferredAgencyCode: null });
    const refused = await expectAppError(
      acknowledgeLor(navyManager, another.id, { expectedVersion: another.version, implementingAgencyCode: army.code }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(refused.extra.fields ?? {})).toEqual(["implementingAgencyCode"]);
  });
});
