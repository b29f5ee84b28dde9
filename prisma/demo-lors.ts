// Demo letters of request for the embedded demo database: one of each situation a reviewer wants to see (a draft, an
// overdue letter, one under validation, one returned, one that opened a case, a P&A answer). Written straight to the
// tables, with the timeline events the use cases would have recorded. Idempotent: skipped once any demo letter exists.
import { LorContentInput } from "../src/domain/schemas/lor";
import { SLA_KEYS } from "../src/domain/sla";
import { actorFromUser } from "../src/domain/policy";
import type { Prisma, PrismaClient } from "../src/generated/prisma/client";
import { openCase } from "../src/server/cases/open-case";
import { contentData } from "../src/server/lors/lor-content";
import { completeLorContent, type LorContent } from "../tests/factories/lor";

const DAY = 86_400_000;
const DEMO_PREFIX = "DEMO/";

type Step = { action: string; daysAgo: number; by: string; from?: string; to?: string; details?: Record<string, unknown> };

interface DemoLor {
  country: string;
  createdBy: string;
  content: LorContent;
  status: string;
  steps: Step[];
  routedAgency?: string;
  extra?: Prisma.LetterOfRequestUncheckedUpdateInput;
  openCase?: boolean;
}

export async function seedDemoLors(prisma: PrismaClient, now = new Date()) {
  if (await prisma.letterOfRequest.count({ where: { originatorReference: { startsWith: DEMO_PREFIX } } })) return 0;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const org = (kind: "PARTNER_COUNTRY" | "IMPLEMENTING_AGENCY", code: string) =>
    prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind, code } } });
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });
  const rule = await prisma.slaRule.findFirstOrThrow({ where: { key: SLA_KEYS.lorValidation }, orderBy: { effectiveFrom: "desc" } });

  const demos: DemoLor[] = [
    {
      country: "BN",
      createdBy: "partner.bn@caseway.example",
      status: "DRAFT",
      content: {
        subject: "Coastal patrol boats",
        originatorReference: `${DEMO_PREFIX}BN/NAV/2026/031`,
        originatorName: "Bandarian Navy, Procurement Office",
        requestType: "LOA",
        loaType: "DEFINED_ORDER",
        items: [{ nomenclature: "Patrol boat, 35 ft", quantity: 6, unitOfIssue: "EA" }],
        financing: "FMF",
      },
      steps: [{ action: "lor.create", daysAgo: 2, by: "partner.bn@caseway.example", to: "DRAFT" }],
    },
    {
      country: "BN",
      createdBy: "partner.bn@caseway.example",
      status: "SUBMITTED",
      routedAgency: "P",
      content: completeLorContent({
        subject: "Maritime surveillance radar upgrade",
        originatorReference: `${DEMO_PREFIX}BN/NAV/2026/019`,
        preferredAgencyCode: "P",
      }),
      steps: [
        { action: "lor.create", daysAgo: 9, by: "partner.bn@caseway.example", to: "DRAFT" },
        { action: "lor.submit", daysAgo: 7, by: "partner.bn@caseway.example", from: "DRAFT", to: "SUBMITTED" },
      ],
    },
    {
      country: "SR",
      createdBy: "partner.sr@caseway.example",
      status: "UNDER_VALIDATION",
      routedAgency: "P",
      content: completeLorContent({
        subject: "Follow-on spares for naval helicopters",
        originatorReference: `${DEMO_PREFIX}RSNF/LOG/2026/044`,
        originatorName: "Royal Saudi Naval Forces, Logistics Command",
        loaType: "BLANKET_ORDER",
        items: [],
        blanketValue: "2500000.00",
        blanketCategory: "Follow-on spare parts for MH-60R helicopters",
        preferredAgencyCode: "P",
      }),
      steps: [
        { action: "lor.create", daysAgo: 6, by: "partner.sr@caseway.example", to: "DRAFT" },
        { action: "lor.submit", daysAgo: 4, by: "partner.sr@caseway.example", from: "DRAFT", to: "SUBMITTED" },
        { action: "lor.acknowledge", daysAgo: 3, by: "navy@caseway.example", from: "SUBMITTED", to: "UNDER_VALIDATION" },
      ],
    },
    {
      country: "BN",
      createdBy: "partner.bn@caseway.example",
      status: "INSUFFICIENT",
      routedAgency: "P",
      content: completeLorContent({
        subject: "Shipboard communications suite",
        originatorReference: `${DEMO_PREFIX}BN/NAV/2026/012`,
        preferredAgencyCode: "P",
        items: [{ nomenclature: "Shipboard HF/UHF communications suite", description: "Standard fit", quantity: 3, unitOfIssue: "SE" }],
      }),
      extra: {
        statusReason: "Describe the configuration of each suite (frequency bands, crypto requirements) so the Navy can estimate the cost.",
        insufficientCriteria: ["configuration"],
      },
      steps: [
        { action: "lor.create", daysAgo: 20, by: "partner.bn@caseway.example", to: "DRAFT" },
        { action: "lor.submit", daysAgo: 15, by: "partner.bn@caseway.example", from: "DRAFT", to: "SUBMITTED" },
        { action: "lor.acknowledge", daysAgo: 14, by: "dsca@caseway.example", from: "SUBMITTED", to: "UNDER_VALIDATION" },
        {
          action: "lor.mark_insufficient",
          daysAgo: 12,
          by: "dsca@caseway.example",
          from: "UNDER_VALIDATION",
          to: "INSUFFICIENT",
          details: { reasons: "Describe the configuration of each suite (frequency bands, crypto requirements) so the Navy can estimate the cost.", criteria: ["configuration"] },
        },
      ],
    },
    {
      country: "BN",
      createdBy: "partner.bn@caseway.example",
      status: "COMPLETE",
      routedAgency: "P",
      openCase: true,
      content: completeLorContent({
        subject: "Harpoon coastal defense missiles",
        originatorReference: `${DEMO_PREFIX}BN/MOD/2026/004`,
        preferredAgencyCode: "P",
        items: [
          {
            nomenclature: "RGM-84 Harpoon Block II missile",
            description: "Coastal defense configuration with containers and launch support equipment",
            quantity: 12,
            unitOfIssue: "EA",
            estimatedValue: "18000000.00",
          },
        ],
      }),
      steps: [
        { action: "lor.create", daysAgo: 40, by: "partner.bn@caseway.example", to: "DRAFT" },
        { action: "lor.submit", daysAgo: 35, by: "partner.bn@caseway.example", from: "DRAFT", to: "SUBMITTED" },
        { action: "lor.acknowledge", daysAgo: 34, by: "navy@caseway.example", from: "SUBMITTED", to: "UNDER_VALIDATION" },
        { action: "lor.mark_complete", daysAgo: 32, by: "navy@caseway.example", from: "UNDER_VALIDATION", to: "COMPLETE" },
      ],
    },
  ];

  let created = 0;
  for (const demo of demos) {
    const country = await org("PARTNER_COUNTRY", demo.country);
    const author = await user(demo.createdBy);
    const content = LorContentInput.parse(demo.content);
    const routed = demo.routedAgency ? await org("IMPLEMENTING_AGENCY", demo.routedAgency) : null;
    const submitStep = [...demo.steps].reverse().find((s) => s.action === "lor.submit");
    const ackStep = demo.steps.find((s) => s.action === "lor.acknowledge");
    const decided = demo.steps.find((s) => s.action === "lor.mark_insufficient" || s.action === "lor.mark_complete");
    const lor = await prisma.letterOfRequest.create({
      data: {
        ...((await contentData(prisma, content)) as Prisma.LetterOfRequestUncheckedCreateInput),
        routedAgencyId: demo.status === "DRAFT" ? null : (routed?.id ?? null),
        countryId: country.id,
        createdById: author.id,
        status: demo.status as never,
        version: demo.steps.length,
        createdAt: at(demo.steps[0]!.daysAgo),
        updatedAt: at(demo.steps[demo.steps.length - 1]!.daysAgo),
        firstSubmittedAt: submitStep ? at(submitStep.daysAgo) : null,
        submittedAt: submitStep ? at(submitStep.daysAgo) : null,
        validationSlaRuleId: submitStep ? rule.id : null,
        validationDueAt: submitStep ? new Date(at(submitStep.daysAgo).getTime() + rule.days * DAY) : null,
        acknowledgedAt: ackStep ? at(ackStep.daysAgo) : null,
        validatedAt: decided ? at(decided.daysAgo) : null,
        completedAt: demo.status === "COMPLETE" && decided ? at(decided.daysAgo) : null,
        ...(demo.extra as object),
      },
    });
    let caseDetails: Record<string, unknown> = {};
    if (demo.openCase && routed) {
      const opener = await prisma.user.findUniqueOrThrow({ where: { email: "navy@caseway.example" }, include: { organization: true } });
      const opened = await openCase(
        prisma,
        actorFromUser(opener),
        { lorId: lor.id, country, agency: routed, caseType: content.loaType ?? "DEFINED_ORDER" },
        { requestId: "demo-seed", ip: null, userAgent: null },
        at(decided!.daysAgo),
      );
      await prisma.letterOfRequest.update({ where: { id: lor.id }, data: { caseId: opened.id, updatedAt: lor.updatedAt } });
      caseDetails = { caseId: opened.id, caseIdentifier: opened.identifier };
    }
    for (const step of demo.steps) {
      const actor = await user(step.by);
      await prisma.auditEvent.create({
        data: {
          occurredAt: at(step.daysAgo),
          actorUserId: actor.id,
          actorEmail: actor.email,
          actorRole: actor.role,
          actorOrganizationId: actor.organizationId,
          action: step.action,
          targetType: "lor",
          targetId: lor.id,
          outcome: "SUCCESS",
          requestId: "demo-seed",
          details: {
            ...(step.from ? { fromStatus: step.from } : {}),
            ...(step.to ? { toStatus: step.to } : {}),
            ...step.details,
            ...(step.action === "lor.mark_complete" ? caseDetails : {}),
          } as Prisma.InputJsonObject,
        },
      });
    }
    created += 1;
  }
  return created;
}
