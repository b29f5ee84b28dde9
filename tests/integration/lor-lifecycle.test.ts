// The life of a letter of request: drafting (only content fields), submission against the checklist, validation
// (insufficient → revise → resubmit, actionable, complete), cases opened or linked, P&A answers, withdrawal and
// disapproval with reasons.
import { beforeAll, describe, expect, it } from "vitest";
import { getCase } from "@/server/cases/get-case";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { createLor } from "@/server/lors/create-lor";
import { disapproveLor } from "@/server/lors/disapprove-lor";
import { getLor } from "@/server/lors/get-lor";
import { listLorEvents } from "@/server/lors/list-lor-events";
import { markLorActionable } from "@/server/lors/mark-lor-actionable";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { markLorInsufficient } from "@/server/lors/mark-lor-insufficient";
import { respondPriceAndAvailability } from "@/server/lors/respond-price-and-availability";
import { submitLor } from "@/server/lors/submit-lor";
import { updateLor } from "@/server/lors/update-lor";
import { withdrawLor } from "@/server/lors/withdraw-lor";
import { createOrganization } from "../factories";
import { completeLorContent } from "../factories/lor";
import { context, expectAppError, testPrisma } from "./helpers";
import {
  draftLor,
  dscaActor,
  iaManagerOf,
  lorAudit,
  newAgency,
  partnerOf,
  seedSlaRules,
  submittedLor,
  twoLetterCountry,
  underValidationLor,
  world,
} from "./lor-helpers";

const prisma = testPrisma();
const DAY_MS = 86_400_000;

beforeAll(() => seedSlaRules(prisma));

describe("drafting", () => {
  it("refuses fields a purchaser may not set (status, country, version, id), naming each, and saves nothing", async () => {
    const { country, partner } = await world(prisma);
    const other = await world(prisma);
    const rowsBefore = await prisma.letterOfRequest.count();
    const error = await expectAppError(
      createLor(
        partner,
        completeLorContent({
          status: "COMPLETE",
          countryId: other.country.id,
          version: 99,
          id: "00000000-0000-4000-8000-000000000000",
        } as Record<string, unknown>),
        context(),
      ),
      "VALIDATION_FAILED",
    );
    expect(error.status).toBe(422);
    expect(Object.keys(error.extra.fields ?? {}).sort()).toEqual(["countryId", "id", "status", "version"]);
    expect(await prisma.letterOfRequest.count()).toBe(rowsBefore);
    expect(await prisma.letterOfRequest.count({ where: { OR: [{ countryId: country.id }, { countryId: other.country.id }] } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { actorUserId: partner.userId } })).toBe(0);
  });

  it("refuses the same fields on update and leaves the draft as it was", async () => {
    const { partner } = await world(prisma);
    const lor = await draftLor(partner);
    const error = await expectAppError(
      updateLor(partner, lor.id, { expectedVersion: lor.version, status: "COMPLETE", countryId: lor.country.id, subject: "Sneaky" }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.extra.fields ?? {}).sort()).toEqual(["countryId", "status"]);
    expect(await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).toMatchObject({ status: "DRAFT", version: 1, subject: lor.subject });
  });

  it("refuses a preferred agency that is not a current implementing agency, on that field", async () => {
    const { country, partner } = await world(prisma);
    const expired = await newAgency(prisma);
    await prisma.organization.update({ where: { id: expired.id }, data: { effectiveTo: new Date(Date.now() - DAY_MS) } });
    for (const code of ["NOSUCH", country.code, expired.code]) {
      const error = await expectAppError(createLor(partner, completeLorContent({ preferredAgencyCode: code }), context()), "VALIDATION_FAILED");
      expect(Object.keys(error.extra.fields ?? {})).toEqual(["preferredAgencyCode"]);
    }
    expect(await prisma.letterOfRequest.count({ where: { countryId: country.id } })).toBe(0);
  });

  it("saves a half-written draft for the partner's own country, not yet ready to submit", async () => {
    const { country, partner } = await world(prisma);
    const lor = await createLor(partner, { subject: "  Spare   parts  " }, context());
    expect(lor).toMatchObject({ status: "DRAFT", version: 1, subject: "Spare parts", country: { id: country.id, code: country.code }, submittedAt: null, validation: null });
    expect(lor.checklist.ready).toBe(false);
    expect(await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).toMatchObject({ countryId: country.id, createdById: partner.userId });
  });
});

describe("submission", () => {
  it("refuses an incomplete letter naming every missing mandatory criterion; it stays a draft and no submission is audited", async () => {
    const { partner } = await world(prisma);
    const lor = await createLor(partner, { subject: "Only a subject so far" }, context());
    const error = await expectAppError(submitLor(partner, lor.id, { expectedVersion: lor.version }, context()), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields ?? {}).sort()).toEqual(
      [
        "reference",
        "originator",
        "requestType",
        "loaType",
        "items",
        "configuration",
        "financing",
        "delivery",
        "thirdParty",
        "soleSource",
        "pointOfContact",
        "signatory",
      ]
        .map((key) => `checklist.${key}`)
        .sort(),
    );
    expect(error.message).toContain("12 required items are missing");
    expect(await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).toMatchObject({
      status: "DRAFT",
      version: 1,
      submittedAt: null,
      firstSubmittedAt: null,
    });
    expect(await lorAudit(prisma, lor.id, "lor.submit")).toHaveLength(0);
  });

  it.each([
    { what: "an amendment that does not name its case", overrides: { requestType: "AMENDMENT", relatedCaseIdentifier: null }, missing: ["checklist.caseReference"] },
    { what: "a delivery date already past", overrides: { requestedDeliveryBy: "2020-01-01" }, missing: ["checklist.delivery"] },
    { what: "an item with too little configuration detail", overrides: { items: [{ nomenclature: "Radar", description: "Radar", quantity: 1, unitOfIssue: "EA" }] }, missing: ["checklist.configuration"] },
    { what: "mixed financing without a split", overrides: { financing: "MIXED", financingNotes: null }, missing: ["checklist.financing"] },
    { what: "a sole-source request without a contractor", overrides: { soleSourceRequested: true, soleSourceJustification: "Fleet commonality" }, missing: ["checklist.soleSource"] },
  ])("refuses $what, naming exactly that criterion", async ({ overrides, missing }) => {
    const { partner } = await world(prisma);
    const lor = await draftLor(partner, overrides);
    const error = await expectAppError(submitLor(partner, lor.id, { expectedVersion: lor.version }, context()), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields ?? {})).toEqual(missing);
    expect((await getLor(partner, lor.id)).status).toBe("DRAFT");
  });

  it("starts the five-day validation clock and routes to the preferred agency; the letter can no longer be edited", async () => {
    const { agency, partner } = await world(prisma);
    const lor = await draftLor(partner, { preferredAgencyCode: agency.code.toLowerCase() });
    const submitted = await submitLor(partner, lor.id, { expectedVersion: lor.version }, context());
    expect(submitted).toMatchObject({
      status: "SUBMITTED",
      version: 2,
      routedAgency: { id: agency.id },
      validation: { state: "ON_TRACK", targetDays: 5, dayKind: "CALENDAR" },
    });
    const row = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } });
    expect(row.validationDueAt!.getTime() - row.submittedAt!.getTime()).toBe(5 * DAY_MS);
    expect(row.firstSubmittedAt).toEqual(row.submittedAt);
    expect(submitted.validation?.dueAt).toBe(row.validationDueAt!.toISOString());

    const edit = await expectAppError(updateLor(partner, lor.id, { expectedVersion: submitted.version, subject: "Too late" }, context()), "CONFLICT");
    expect(edit.status).toBe(409);
    await expectAppError(submitLor(partner, lor.id, { expectedVersion: submitted.version }, context()), "CONFLICT");
    expect(await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).toMatchObject({ subject: lor.subject, version: 2 });
  });
});

describe("validation", () => {
  it("insufficient → the partner revises → resubmits: the validation clock restarts", async () => {
    const { partner, dsca } = await world(prisma);
    const validating = await underValidationLor(partner, dsca);
    const error = await expectAppError(
      markLorInsufficient(dsca, validating.id, { expectedVersion: validating.version, criteria: ["configuration", "bogusCriterion"], reasons: "x" }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["criteria"]);
    await expectAppError(
      markLorInsufficient(dsca, validating.id, { expectedVersion: validating.version, criteria: ["configuration"], reasons: "   " }, context()),
      "VALIDATION_FAILED",
    );
    expect((await getLor(partner, validating.id)).status).toBe("UNDER_VALIDATION");

    const insufficient = await markLorInsufficient(
      dsca,
      validating.id,
      { expectedVersion: validating.version, criteria: ["configuration", "delivery", "configuration"], reasons: "Describe the radar configuration in detail" },
      context(),
    );
    expect(insufficient).toMatchObject({
      status: "INSUFFICIENT",
      statusReason: "Describe the radar configuration in detail",
      insufficientCriteria: ["configuration", "delivery"],
      validation: { state: "MET" },
    });

    // Until the partner changes the letter, the rejected items read as not met, with the validator's reasons, and the
    // score drops; sending it back unchanged is refused.
    const returned = await getLor(partner, validating.id);
    const rejected = returned.checklist.criteria.filter((c) => ["configuration", "delivery"].includes(c.key));
    expect(rejected).toHaveLength(2);
    for (const criterion of rejected) expect(criterion).toMatchObject({ met: false, problem: expect.stringContaining("Describe the radar configuration") });
    expect(returned.checklist.score).toBeLessThan(validating.checklist.score);
    const unchanged = await expectAppError(submitLor(partner, validating.id, { expectedVersion: insufficient.version }, context()), "VALIDATION_FAILED");
    expect(unchanged.extra.fields?.letter).toContain("Describe the radar configuration");
    expect((await getLor(partner, validating.id)).status).toBe("INSUFFICIENT");

    // Simulate a letter that sat with the USG for three days before it was returned.
    const threeDaysAgo = new Date(Date.now() - 3 * DAY_MS);
    await prisma.letterOfRequest.update({
      where: { id: validating.id },
      data: { submittedAt: threeDaysAgo, firstSubmittedAt: threeDaysAgo, validationDueAt: new Date(threeDaysAgo.getTime() + 5 * DAY_MS) },
    });

    const revised = await updateLor(partner, validating.id, { expectedVersion: insufficient.version, trainingNeeds: "Operators only" }, context());
    expect(revised).toMatchObject({ status: "INSUFFICIENT", trainingNeeds: "Operators only" });
    const before = Date.now();
    const resubmitted = await submitLor(partner, validating.id, { expectedVersion: revised.version }, context());
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", statusReason: null, insufficientCriteria: [], validation: { state: "ON_TRACK" } });
    // Changed and resubmitted, the letter is judged afresh: nothing is held against it any more.
    expect(resubmitted.checklist.criteria.filter((c) => ["configuration", "delivery"].includes(c.key)).every((c) => c.met)).toBe(true);

    const row = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: validating.id } });
    expect(row.submittedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.validationDueAt!.getTime()).toBe(row.submittedAt!.getTime() + 5 * DAY_MS);
    expect(row.firstSubmittedAt).toEqual(threeDaysAgo);
    expect(row).toMatchObject({ acknowledgedAt: null, validatedAt: null });
    const [resubmission] = (await lorAudit(prisma, validating.id, "lor.submit")).slice(-1);
    expect(resubmission!.details).toMatchObject({ fromStatus: "INSUFFICIENT", toStatus: "SUBMITTED", resubmission: true });
    expect((await listLorEvents(partner, validating.id)).at(-1)).toMatchObject({ action: "lor.submit", note: "Resubmitted after changes" });
  });

  it("acknowledging routes to an agency DSCA names; an unknown agency code is refused on that field", async () => {
    const { agency, partner, dsca } = await world(prisma);
    const lor = await submittedLor(partner, { preferredAgencyCode: null });
    const error = await expectAppError(
      acknowledgeLor(dsca, lor.id, { expectedVersion: lor.version, implementingAgencyCode: "NOSUCH99" }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["implementingAgencyCode"]);
    const acknowledged = await acknowledgeLor(dsca, lor.id, { expectedVersion: lor.version, implementingAgencyCode: agency.code }, context());
    expect(acknowledged).toMatchObject({ status: "UNDER_VALIDATION", routedAgency: { id: agency.id } });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
  });

  it("actionable → complete opens a case linked to the letter and audits case.open", async () => {
    const { country, agency, partner, dsca } = await world(prisma);
    const validating = await underValidationLor(partner, dsca, { preferredAgencyCode: agency.code, loaType: "CLSSA" });
    const actionable = await markLorActionable(dsca, validating.id, { expectedVersion: validating.version }, context());
    expect(actionable).toMatchObject({ status: "ACTIONABLE", case: null });
    const ctx = context();
    const complete = await markLorComplete(dsca, validating.id, { expectedVersion: actionable.version, comment: "Ready for LOA development" }, ctx);
    expect(complete).toMatchObject({ status: "COMPLETE", case: { identifier: `${country.code}-${agency.code}-AAA` } });
    expect(complete.completedAt).not.toBeNull();

    const opened = await getCase(partner, complete.case!.id);
    expect(opened).toMatchObject({ caseType: "CLSSA", implementingAgency: { id: agency.id } });
    expect(opened.letters.map((l) => l.id)).toEqual([validating.id]);
    const row = await prisma.case.findUniqueOrThrow({ where: { id: complete.case!.id }, include: { lors: true } });
    expect(row).toMatchObject({ openedFromLorId: validating.id, openedById: dsca.userId });
    expect(row.lors.map((l) => l.id)).toEqual([validating.id]);

    const events = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.targetType, e.targetId])).toEqual([
      ["case.open", "case", complete.case!.id],
      ["lor.mark_complete", "lor", validating.id],
    ]);
    expect((await listLorEvents(partner, validating.id)).at(-1)?.note).toBe(`Case ${complete.case!.identifier} — Ready for LOA development`);
    // A complete letter can no longer be withdrawn or edited.
    await expectAppError(withdrawLor(partner, validating.id, { expectedVersion: complete.version }, context()), "CONFLICT");
    await expectAppError(updateLor(partner, validating.id, { expectedVersion: complete.version, subject: "x" }, context()), "CONFLICT");
  });

  it("completing an LOA request without any agency is refused on implementingAgencyCode; an IA manager opens cases only for their own agency", async () => {
    const { country, partner, dsca } = await world(prisma);
    const lor = await underValidationLor(partner, dsca, { preferredAgencyCode: null });
    const error = await expectAppError(markLorComplete(dsca, lor.id, { expectedVersion: lor.version }, context()), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["implementingAgencyCode"]);
    expect(await getLor(partner, lor.id)).toMatchObject({ status: "UNDER_VALIDATION", version: lor.version, case: null });

    const own = await newAgency(prisma);
    const other = await newAgency(prisma);
    const manager = await iaManagerOf(prisma, own.id);
    await expectAppError(
      markLorComplete(manager, lor.id, { expectedVersion: lor.version, implementingAgencyCode: other.code }, context()),
      "VALIDATION_FAILED",
    );
    const done = await markLorComplete(manager, lor.id, { expectedVersion: lor.version }, context());
    expect(done).toMatchObject({ status: "COMPLETE", routedAgency: { id: own.id }, case: { identifier: `${country.code}-${own.code}-AAA` } });
  });

  it("a P&A request completes without a case and is answered with non-binding price and availability data", async () => {
    const { country, partner, dsca } = await world(prisma);
    const lor = await underValidationLor(partner, dsca, { requestType: "PRICE_AND_AVAILABILITY", preferredAgencyCode: null });
    await expectAppError(
      respondPriceAndAvailability(dsca, lor.id, { expectedVersion: lor.version, estimatedValue: "1.00", availability: "Soon" }, context()),
      "CONFLICT",
    );
    const complete = await markLorComplete(dsca, lor.id, { expectedVersion: lor.version }, context());
    expect(complete).toMatchObject({ status: "COMPLETE", case: null, priceAndAvailability: null });
    expect(await prisma.case.count({ where: { countryId: country.id } })).toBe(0);

    const answered = await respondPriceAndAvailability(
      dsca,
      lor.id,
      { expectedVersion: complete.version, estimatedValue: "$2,500,000.5", availability: "First deliveries 30 months after LOA acceptance", notes: "Rough order of magnitude" },
      context(),
    );
    expect(answered).toMatchObject({
      status: "PA_PROVIDED",
      priceAndAvailability: { estimatedValue: "2500000.50", availability: "First deliveries 30 months after LOA acceptance", notes: "Rough order of magnitude" },
    });
    const [event] = await lorAudit(prisma, lor.id, "lor.respond_pa");
    expect(event!.details).toMatchObject({ fromStatus: "COMPLETE", toStatus: "PA_PROVIDED", estimatedValue: "2500000.50", binding: false });
    expect((await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).closedAt).not.toBeNull();
    await expectAppError(
      respondPriceAndAvailability(dsca, lor.id, { expectedVersion: answered.version, estimatedValue: "1.00", availability: "Again" }, context()),
      "CONFLICT",
    );
  });

  it("an LOA request cannot be answered with P&A data", async () => {
    const { agency, partner, dsca } = await world(prisma);
    const lor = await underValidationLor(partner, dsca, { preferredAgencyCode: agency.code });
    const complete = await markLorComplete(dsca, lor.id, { expectedVersion: lor.version }, context());
    const error = await expectAppError(
      respondPriceAndAvailability(dsca, lor.id, { expectedVersion: complete.version, estimatedValue: "1.00", availability: "Now" }, context()),
      "CONFLICT",
    );
    expect(error.message).toContain("price-and-availability");
    expect((await getLor(partner, lor.id)).status).toBe("COMPLETE");
  });

  it("an amendment naming an existing case of the same country is linked to that case; another country's case is never linked", async () => {
    const dsca = await dscaActor(prisma);
    // A one-letter agency code (so the identifier fits the CC-I-DDD pattern a letter may name) that no reference or
    // demo data uses.
    await createOrganization(prisma, { kind: "IMPLEMENTING_AGENCY", code: "X" });
    const country = await twoLetterCountry(prisma);
    let otherCountry = await twoLetterCountry(prisma);
    while (otherCountry.id === country.id) otherCountry = await twoLetterCountry(prisma);
    const partner = await partnerOf(prisma, country.id);
    const otherPartner = await partnerOf(prisma, otherCountry.id);

    const original = await underValidationLor(partner, dsca, { preferredAgencyCode: "X" });
    const theCase = (await markLorComplete(dsca, original.id, { expectedVersion: original.version }, context())).case!;
    expect(theCase.identifier).toMatch(new RegExp(`^${country.code}-X-[A-HJ-NP-Z]{3}$`));
    const foreign = await underValidationLor(otherPartner, dsca, { preferredAgencyCode: "X" });
    const foreignCase = (await markLorComplete(dsca, foreign.id, { expectedVersion: foreign.version }, context())).case!;
    const casesBefore = await prisma.case.count({ where: { countryId: country.id } });

    const amendment = await underValidationLor(partner, dsca, {
      requestType: "AMENDMENT",
      relatedCaseIdentifier: theCase.identifier.toLowerCase(),
      subject: "Amendment: two more radars",
      preferredAgencyCode: null,
    });
    expect(amendment.relatedCaseIdentifier).toBe(theCase.identifier);
    const linked = await markLorComplete(dsca, amendment.id, { expectedVersion: amendment.version }, context());
    expect(linked).toMatchObject({ status: "COMPLETE", case: { id: theCase.id, identifier: theCase.identifier } });
    expect(await prisma.case.count({ where: { countryId: country.id } })).toBe(casesBefore);
    expect((await getCase(partner, theCase.id)).letters.map((l) => l.id)).toEqual([original.id, amendment.id]);

    const misdirected = await underValidationLor(partner, dsca, { requestType: "MODIFICATION", relatedCaseIdentifier: foreignCase.identifier, preferredAgencyCode: null });
    const done = await markLorComplete(dsca, misdirected.id, { expectedVersion: misdirected.version }, context());
    expect(done.case).toBeNull();
    expect((await getCase(dsca, foreignCase.id)).letters.map((l) => l.id)).toEqual([foreign.id]);
  });
});

describe("withdrawal and disapproval", () => {
  it("the partner withdraws a submitted letter with a reason the timeline shows", async () => {
    const { partner, dsca } = await world(prisma);
    const lor = await submittedLor(partner);
    const withdrawn = await withdrawLor(partner, lor.id, { expectedVersion: lor.version, reason: "  Budget reallocated  " }, context());
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", statusReason: "Budget reallocated", validation: null });
    const [event] = await lorAudit(prisma, lor.id, "lor.withdraw");
    expect(event!.details).toMatchObject({ fromStatus: "SUBMITTED", toStatus: "WITHDRAWN", reason: "Budget reallocated" });
    expect((await listLorEvents(dsca, lor.id)).at(-1)).toMatchObject({ action: "lor.withdraw", note: "Budget reallocated", toStatus: "WITHDRAWN" });
    expect((await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).closedAt).not.toBeNull();
    await expectAppError(acknowledgeLor(dsca, lor.id, { expectedVersion: withdrawn.version }, context()), "CONFLICT");
  });

  it("a draft withdrawn before it was ever sent stays invisible to USG staff", async () => {
    const { partner, dsca } = await world(prisma);
    const lor = await draftLor(partner);
    const withdrawn = await withdrawLor(partner, lor.id, { expectedVersion: lor.version }, context());
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", statusReason: null });
    await expectAppError(getLor(dsca, lor.id), "NOT_FOUND");
  });

  it("disapproval needs a reason, which the partner sees; a disapproved letter is final", async () => {
    const { partner, dsca } = await world(prisma);
    const lor = await underValidationLor(partner, dsca);
    const error = await expectAppError(disapproveLor(dsca, lor.id, { expectedVersion: lor.version, reason: "   " }, context()), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["reason"]);
    await expectAppError(disapproveLor(dsca, lor.id, { expectedVersion: lor.version }, context()), "VALIDATION_FAILED");

    const disapproved = await disapproveLor(dsca, lor.id, { expectedVersion: lor.version, reason: "Not releasable under current policy" }, context());
    expect(disapproved).toMatchObject({ status: "DISAPPROVED", statusReason: "Not releasable under current policy" });
    const seen = await getLor(partner, lor.id);
    expect(seen.statusReason).toBe("Not releasable under current policy");
    expect((await listLorEvents(partner, lor.id)).at(-1)).toMatchObject({ action: "lor.disapprove", note: "Not releasable under current policy" });
    await expectAppError(withdrawLor(partner, lor.id, { expectedVersion: disapproved.version }, context()), "CONFLICT");
    await expectAppError(updateLor(partner, lor.id, { expectedVersion: disapproved.version, subject: "Try again" }, context()), "CONFLICT");
    await expectAppError(submitLor(partner, lor.id, { expectedVersion: disapproved.version }, context()), "CONFLICT");
  });

  it("the state machine refuses out-of-order decisions with CONFLICT", async () => {
    const { partner, dsca } = await world(prisma);
    const submitted = await submittedLor(partner);
    const v = { expectedVersion: submitted.version };
    await expectAppError(markLorActionable(dsca, submitted.id, v, context()), "CONFLICT");
    await expectAppError(markLorComplete(dsca, submitted.id, v, context()), "CONFLICT");
    await expectAppError(markLorInsufficient(dsca, submitted.id, { ...v, reasons: "Too early" }, context()), "CONFLICT");
    const validating = await acknowledgeLor(dsca, submitted.id, v, context());
    await expectAppError(acknowledgeLor(dsca, submitted.id, { expectedVersion: validating.version }, context()), "CONFLICT");
    expect(await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({ status: "UNDER_VALIDATION", version: validating.version });
  });
});
