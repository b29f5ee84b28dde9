import { beforeAll, describe, expect, it } from "vitest";
import { createLor } from "@/server/lors/create-lor";
import { submitLor } from "@/server/lors/submit-lor";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { listLorEvents } from "@/server/lors/list-lor-events";
import { SLA_RULES } from "../../prisma/seed";
import { createOrganization, createUser } from "../factories";
import { completeLorContent } from "../factories/lor";
import { actorOf, context, testPrisma, uniqueCode } from "./helpers";

const prisma = testPrisma();

describe("LOR smoke", () => {
  beforeAll(async () => {
    await prisma.slaRule.createMany({ data: SLA_RULES, skipDuplicates: true });
  });
  it("drafts, submits, acknowledges and completes, opening a case", async () => {
    const country = await createOrganization(prisma, { kind: "PARTNER_COUNTRY", code: uniqueCode().slice(0, 2) });
    const agency = await createOrganization(prisma, { kind: "IMPLEMENTING_AGENCY", code: "P" });
    const partner = await prisma.user.findUniqueOrThrow({ where: { id: (await createUser(prisma, { role: "PARTNER_OFFICER", organizationId: country.id })).id }, include: { organization: true } });
    const dsca = await prisma.user.findUniqueOrThrow({ where: { id: (await createUser(prisma, { role: "DSCA_ANALYST" })).id }, include: { organization: true } });
    const draft = await createLor(actorOf(partner), completeLorContent({ preferredAgencyCode: agency.code }), context());
    expect(draft.checklist.ready).toBe(true);
    const submitted = await submitLor(actorOf(partner), draft.id, { expectedVersion: draft.version }, context());
    expect(submitted.status).toBe("SUBMITTED");
    expect(submitted.validation?.state).toBe("ON_TRACK");
    const ack = await acknowledgeLor(actorOf(dsca), draft.id, { expectedVersion: submitted.version }, context());
    const done = await markLorComplete(actorOf(dsca), draft.id, { expectedVersion: ack.version }, context());
    expect(done.case?.identifier).toMatch(new RegExp(`^${country.code}-P-AAA$`));
    const events = await listLorEvents(actorOf(partner), draft.id);
    expect(events.map((e) => e.action)).toEqual(["lor.create", "lor.submit", "lor.acknowledge", "lor.mark_complete"]);
  });
});
