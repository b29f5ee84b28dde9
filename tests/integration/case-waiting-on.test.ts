// The case tells the truth about what it waits for (issue 13): "waiting on" names the reviews still open and the
// congressional-notification step, in the API, the case list and for partners (without the U.S. Government's internal
// steps); and the notification requirement reads as not yet determined until the agency's approval of the LOA decides it.
import { beforeAll, describe, expect, it } from "vitest";
import type { LoaContent } from "@/domain/loa/content";
import { CaseView } from "@/domain/schemas/cases";
import { getCase } from "@/server/cases/get-case";
import { listCases } from "@/server/cases/list-cases";
import { db } from "@/server/db";
import { formatDate } from "@/lib/format";
import { STANDARD_NOTES, fillBasicLoa, libraryNote, loaLine, smallLoa } from "../factories/loa";
import { testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { acceptInput, caseAt, caseCast, openCase, type Cast } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

/** A $98M request: 98 tactical vehicles (major defense equipment), over every threshold for a purchaser outside NATO+. */
function ninetyEightVehicles(): LoaContent {
  return smallLoa({
    description: "Tactical vehicles.",
    lines: [
      loaLine({ lineNumber: "001", genericCode: "V1T", maslNumber: "2320015550014", description: "Tactical vehicle", quantity: 98, unitOfIssue: "EA", unitCost: "1000000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2", mde: true, ncPerUnit: "50000.00" }),
    ],
    notes: [...STANDARD_NOTES, libraryNote("nonrecurring-cost-apply-estimated")],
  });
}

const listed = async (cast: Cast, actor: Cast["dsca"], caseId: string) =>
  (await listCases(actor, { agency: cast.agency.code, pageSize: "100" })).items.find((c) => c.id === caseId);

describe("the notification requirement before pricing", () => {
  it("a $98M request reads as not yet determined until the agency approves the LOA, which decides it", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await openCase(cast, "Tactical vehicles", { emptyLoa: true });
    await fillBasicLoa(db(), caseId, ninetyEightVehicles());
    // The stored value is the starting one, not a determination.
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).cnStatus).toBe("NOT_REQUIRED");
    expect((await getCase(cast.dsca, caseId)).notification).toMatchObject({ status: "NOT_REQUIRED", determined: false });
    await driver.do(cast.dsca, "assign-agency", { agencyId: cast.agency.id });
    expect((await getCase(cast.ia, caseId)).notification).toMatchObject({ status: "NOT_REQUIRED", determined: false });

    const approved = await driver.do(cast.ia, "approve-loa");
    expect(approved.notification).toMatchObject({ status: "PREPARATION", determined: true });
    expect(approved.waitingOn).toBe("DSCA, State and DTSA reviews; DSCA to prepare the congressional notification");
    // Partners see neither the track nor its internal steps.
    const forPartner = await getCase(cast.partner, caseId);
    expect(forPartner).toMatchObject({ notification: null, waitingOn: "U.S. Government reviews" });
  });

  it("below every threshold: determined as not required at approval, and undetermined again after a return for rework", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_DEVELOPMENT");
    expect((await getCase(cast.dsca, driver.caseId)).notification).toMatchObject({ status: "NOT_REQUIRED", determined: false });
    expect((await driver.do(cast.ia, "approve-loa")).notification).toMatchObject({ status: "NOT_REQUIRED", determined: true });
    // The next approval decides again, from the reworked LOA.
    const returned = await driver.do(cast.state, "return-for-rework", { comment: "Rework the training line" });
    expect(returned.notification).toMatchObject({ status: "NOT_REQUIRED", determined: false });
  });

  it("DSCA requiring notification before the approval determines it", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_DEVELOPMENT");
    const view = await driver.do(cast.dsca, "set-notification-requirement", { required: true });
    expect(view.notification).toMatchObject({ status: "PREPARATION", determined: true });
    expect(view.waitingOn).toBe("The implementing agency to develop and approve the LOA; DSCA to prepare the congressional notification");
  });
});

describe("waiting on, in the API and the case list", () => {
  it("names only the reviews still open; partners read U.S. Government reviews", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    expect((await getCase(cast.dsca, driver.caseId)).waitingOn).toBe("DSCA, State and DTSA reviews");
    await driver.do(cast.dsca, "concur");
    const view = await driver.do(cast.dtsa, "concur");
    expect(view).toMatchObject({ waitingOn: "State review", waitingOnParts: [{ text: "State review", until: null }] });
    expect(await listed(cast, cast.dsca, driver.caseId)).toMatchObject({ waitingOn: "State review" });
    expect((await getCase(cast.partner, driver.caseId)).waitingOn).toBe("U.S. Government reviews");
    expect(await listed(cast, cast.partner, driver.caseId)).toMatchObject({ waitingOn: "U.S. Government reviews" });
  });

  it("after all three concurred on a notification-required case: Congress, until the formal period's end — to the partner too", async () => {
    const cast = await caseCast(prisma, { natoPlus: true });
    const { driver } = await caseAt(cast, "IN_REVIEW");
    await driver.do(cast.dsca, "set-notification-requirement", { required: true });
    await driver.do(cast.dsca, "send-notification-to-state");
    expect((await getCase(cast.state, driver.caseId)).waitingOn).toBe("DSCA, State and DTSA reviews; State to clear the congressional notification");
    await driver.do(cast.state, "clear-notification");
    for (const reviewer of [cast.dsca, cast.state, cast.dtsa]) await driver.do(reviewer, "concur");
    const view = await getCase(cast.dsca, driver.caseId);
    expect(view.status).toBe("IN_REVIEW");
    const ends = view.notification!.periodEndsAt!;
    const expected = `Congress: the formal notification period ends ${formatDate(ends)}`;
    expect(view).toMatchObject({ waitingOn: expected, waitingOnParts: [{ text: "Congress: the formal notification period ends", until: ends }] });
    // The answer is what the OpenAPI document (generated from the same schema) says, with no field left out of it.
    expect(CaseView.strict().parse(view)).toEqual(view);
    expect(await getCase(cast.partner, driver.caseId)).toMatchObject({ waitingOn: expected, waitingOnParts: [{ until: ends }] });
    expect(await listed(cast, cast.partner, driver.caseId)).toMatchObject({ waitingOn: expected });
    expect(await listed(cast, cast.dsca, driver.caseId)).toMatchObject({ waitingOn: expected });
  });

  it("an offer waits on the partner's acceptance, in their own words", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "OFFERED");
    expect((await getCase(cast.partner, driver.caseId)).waitingOn).toBe("Your acceptance, by the offer expiration date");
    expect((await getCase(cast.ia, driver.caseId)).waitingOn).toBe("The partner to accept by the offer expiration date");
    expect((await driver.do(cast.partner, "accept", acceptInput())).waitingOn).toBe("The initial deposit to arrive and DSCA/DFAS to record it");
  });
});
