// Reference data (every environment) and demo data (embedded/demo only). Both are idempotent: running them again
// adds what is missing and never overwrites what an administrator has changed.
import fs from "node:fs";
import path from "node:path";
import { STATUS_SLA_KEYS, WORKFLOW_RULE_KEYS } from "../src/domain/workflow/states";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { PrismaClient } from "../src/generated/prisma/client";
import { createOrganization, createUser } from "../tests/factories/index";
import { SLA_KEYS } from "../src/domain/sla";
import { seedDemoCases } from "./demo-cases";
import { seedDemoChanges } from "./demo-changes";
import { seedDemoClosure } from "./demo-closure";
import { seedDemoPolicy } from "./demo-policy";
import { seedDemoExecution } from "./demo-execution";
import { seedDemoFinance } from "./demo-finance";
import { seedDemoSdrs } from "./demo-sdrs";
import { seedDemoLors } from "./demo-lors";
import { seedDemoOfficeAccountables } from "./demo-offices";
import { seedDemoHistory } from "./demo-history";
import { LOA_NOTE_TEXTS } from "./loa-note-texts";
import { RATE_KEYS } from "../src/domain/pricing/rates";
import { SDR_PRICING_RATES, SDR_SLA_RULES } from "./reference/sdr-policy";

const referenceDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "reference");

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(referenceDir, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true });
}

const SOURCE_FILE = "shared/data (copied to prisma/reference)";

/** Codes Caseway needs that the reference tables do not hold: seeded unverified for an administrator to confirm. */
const UNVERIFIED_AGENCIES = [
  {
    code: "B",
    name: "Department of the Army (U.S. Army Security Assistance Command)",
    shortName: "Army / USASAC",
    source: "Common usage (fms-domain.md §1, tagged [F?]); not found in a public code table. Confirm against SAMM C4.T2 / MILSTRIP AP2.2.",
  },
  {
    code: "D",
    name: "Department of the Air Force (SAF/IA and AFSAC)",
    shortName: "Air Force",
    source: "Common usage (fms-domain.md §1, tagged [F?]); not found in a public code table. Confirm against SAMM C4.T2 / MILSTRIP AP2.2.",
  },
];

export async function seedReference(prisma: PrismaClient) {
  const countries = readCsv("partner-countries.csv").map((row) => ({
    kind: "PARTNER_COUNTRY" as const,
    code: row.fms_code!,
    name: row.name!,
    natoMember: row.nato_member === "true",
    natoPlus: row.nato_plus === "true",
    standardOedDays: 85,
    verified: true,
    source: `${SOURCE_FILE}/partner-countries.csv: ${row.notes}`,
  }));
  const agencies = readCsv("implementing-agencies.csv").map((row) => ({
    kind: "IMPLEMENTING_AGENCY" as const,
    code: row.code!,
    name: row.name!,
    shortName: row.short_name || null,
    verified: true,
    source: `${SOURCE_FILE}/implementing-agencies.csv: ${row.notes}`,
  }));
  const unverifiedAgencies = UNVERIFIED_AGENCIES.map((a) => ({ kind: "IMPLEMENTING_AGENCY" as const, ...a, verified: false }));
  const offices = [
    { kind: "DSCA" as const, code: "DSCA", name: "Defense Security Cooperation Agency", shortName: "DSCA" },
    { kind: "STATE_PM" as const, code: "PM", name: "Department of State, Bureau of Political-Military Affairs", shortName: "State PM" },
    { kind: "DTSA" as const, code: "DTSA", name: "Defense Technology Security Administration", shortName: "DTSA" },
  ].map((o) => ({ ...o, verified: true, source: "U.S. Government office (fms-domain.md §1)" }));

  const result = await prisma.organization.createMany({
    data: [...offices, ...agencies, ...unverifiedAgencies, ...countries],
    skipDuplicates: true,
  });
  await prisma.slaRule.createMany({ data: SLA_RULES, skipDuplicates: true });
  await prisma.pricingRate.createMany({ data: PRICING_RATES, skipDuplicates: true });
  await prisma.loaNoteTemplate.createMany({
    data: readCsv("loa-notes.csv").map((row) => ({
      key: row.key!,
      title: row.title!,
      whenRequired: row.when_required!,
      inputBy: row.input_by!,
      text: LOA_NOTE_TEXTS[row.key!] ?? "",
      historic: /Historic\.?$/.test(row.when_required!.trim()),
      source: `${SOURCE_FILE}/loa-notes.csv; starting text: [A] Caseway paraphrase (prisma/loa-note-texts.ts)`,
    })),
    skipDuplicates: true,
  });
  return result.count;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const pricingRate = (key: string, value: string, from: string, to: string | null, source: string) => ({
  key,
  value,
  effectiveFrom: day(from),
  effectiveTo: to ? day(to) : null,
  source,
});

/** Pricing rates and notification thresholds (fms-domain.md §6.1, §7.2–7.4) as effective-dated rows. */
export const PRICING_RATES = [
  pricingRate(RATE_KEYS.adminSurcharge, "0.02", "1970-01-01", "1977-10-01", "SAMM C9.T4: 2% before 1 Oct 1977 (fms-domain.md §7.2)"),
  pricingRate(RATE_KEYS.adminSurcharge, "0.03", "1977-10-01", "1999-06-01", "SAMM C9.T4: 3% standard items, 1 Oct 1977 – 31 May 1999"),
  pricingRate(RATE_KEYS.adminSurcharge, "0.025", "1999-06-01", "2006-08-01", "SAMM C9.T4: 2.5% standard items, 1 Jun 1999 – 31 Jul 2006"),
  pricingRate(RATE_KEYS.adminSurcharge, "0.038", "2006-08-01", "2012-11-01", "SAMM C9.T4: 3.8%, 1 Aug 2006 – 31 Oct 2012"),
  pricingRate(RATE_KEYS.adminSurcharge, "0.035", "2012-11-01", "2018-06-01", "SAMM C9.T4 / DSCA 12-47: 3.5%, 1 Nov 2012 – 31 May 2018"),
  pricingRate(RATE_KEYS.adminSurcharge, "0.032", "2018-06-01", "2025-10-01", "DSCA 18-48: 3.2% from 1 Jun 2018 (latest memo found)"),
  pricingRate(
    RATE_KEYS.adminSurcharge,
    "0.038",
    "2025-10-01",
    null,
    "[A] Caseway's configured rate, 3.8% (developers' brief), from FY2026. Verify against the live SAMM C9.T4 and add a row to change it.",
  ),
  pricingRate(RATE_KEYS.contractAdministration, "0.012", "2014-10-01", "2020-02-01", "DSCA 14-27: CAS cut to 1.2% [F?] start date approximate"),
  pricingRate(RATE_KEYS.contractAdministration, "0.01", "2020-02-01", null, "DSCA 19-43: CAS 1.00% CONUS from 1 Feb 2020"),
  pricingRate(RATE_KEYS.defaultProcurementShare, "0.5", "2002-01-01", null, "DSCA 02-14: source X without contractor data or history is split 50/50"),
  pricingRate(RATE_KEYS.packingCratingHandling, "0.03", "2018-08-15", null, "[A] Illustrative placeholder (fms-domain.md §7.4); take the real rate from SAMM C9.T4a"),
  pricingRate(RATE_KEYS.transport["2"], "0.0275", "2018-08-15", null, "[A] Illustrative placeholder (fms-domain.md §7.4); DTC rates from SAMM C9.T4a (DSCA 18-37)"),
  pricingRate(RATE_KEYS.transport["3"], "0.0275", "2018-08-15", null, "[A] Illustrative placeholder (fms-domain.md §7.4); DTC rates from SAMM C9.T4a (DSCA 18-37)"),
  pricingRate(RATE_KEYS.transport["4"], "0", "2018-08-15", null, "MILSTRIP AP2.5: with DTC 4 the purchaser arranges and pays for onward transportation"),
  ...(["NATO_PLUS", "OTHER"] as const).flatMap((group) => {
    const values = group === "NATO_PLUS" ? ["25000000", "100000000", "300000000"] : ["14000000", "50000000", "200000000"];
    const keys = RATE_KEYS.cnThreshold[group];
    const source = "AECA 36(b), 22 U.S.C. 2776(b); CRS RL31675 (2020–2025 editions) (fms-domain.md §6.1)";
    return [
      pricingRate(keys.MDE, values[0]!, "2000-01-01", null, source),
      pricingRate(keys.TOTAL, values[1]!, "2000-01-01", null, source),
      pricingRate(keys.DESIGN_CONSTRUCTION, values[2]!, "2000-01-01", null, source),
    ];
  }),
  ...SDR_PRICING_RATES,
];

/** Service-level targets as effective-dated rows (fms-domain.md §9); an administrator adds a row to change one. */
export const SLA_RULES = [
  {
    key: SLA_KEYS.lorValidation,
    days: 5,
    dayKind: "CALENDAR" as const,
    amberPercent: 75,
    effectiveFrom: new Date("2016-01-01T00:00:00Z"),
    source: "DSCA Policy 16-11: validate the LOR within 5 days of receipt (fms-domain.md §3, §9)",
  },
  ...workflowRules(),
  ...SDR_SLA_RULES,
];

/** The case workflow's targets and periods (fms-domain.md §6.1, §9). [A] marks Caseway defaults, editable per office. */
function workflowRules() {
  const since = new Date("2016-01-01T00:00:00Z");
  const rule = (key: string, days: number, dayKind: "CALENDAR" | "BUSINESS", source: string) => ({
    key,
    days,
    dayKind,
    amberPercent: 75,
    effectiveFrom: since,
    source,
  });
  const keys = WORKFLOW_RULE_KEYS;
  return [
    rule(keys.review.DSCA, 10, "BUSINESS", "[A] DSCA CWD case review: 10 business days (fms-domain.md §9)"),
    rule(keys.review.STATE_PM, 10, "BUSINESS", "[A] State PM review: 10 business days (fms-domain.md §9)"),
    rule(keys.review.DTSA, 30, "CALENDAR", "[A] DTSA/TSFD review: 30 days (fms-domain.md §9)"),
    rule(keys.cnInformalReview, 20, "CALENDAR", "Informal (tiered) review for non-NATO+ purchasers: 20 days (eSAMM 5.05; fms-domain.md §6.1)"),
    rule(keys.cnFormalNatoPlus, 15, "CALENDAR", "AECA 36(b) formal review, NATO+: 15 calendar days (CRS RL31675; fms-domain.md §6.1)"),
    rule(keys.cnFormalOther, 30, "CALENDAR", "AECA 36(b) formal review, others: 30 calendar days (CRS RL31675; fms-domain.md §6.1)"),
    rule(keys.offerValidity, 85, "CALENDAR", "Standard OED: 85 days after MILAP (LOA Standardization Guide §4; fms-domain.md §9)"),
    rule(STATUS_SLA_KEYS.OPENED!, 5, "BUSINESS", "[A] DSCA assigns the implementing agency within 5 business days"),
    rule(STATUS_SLA_KEYS.IN_DEVELOPMENT!, 45, "CALENDAR", "[F?] AOD group A: 45 days from LOR complete to offer (fms-domain.md §9, verify)"),
    rule(STATUS_SLA_KEYS.READY_TO_SIGN!, 5, "BUSINESS", "[A] Agency signature (MILSGN) within 5 business days"),
    rule(STATUS_SLA_KEYS.AGENCY_SIGNED!, 5, "BUSINESS", "[A] DSCA countersignature within 5 business days"),
    rule(STATUS_SLA_KEYS.COUNTERSIGNED!, 5, "BUSINESS", "[A] Agency sends the offer within 5 business days"),
    rule(STATUS_SLA_KEYS.ACCEPTED!, 10, "BUSINESS", "[A] Deposit recorded or emergency implementation within 10 business days"),
    rule(STATUS_SLA_KEYS.SUPPLY_SERVICES_COMPLETE!, 24 * 30, "CALENDAR", "ACC closure: within 24 months after SSC (eSAMM C6.08; fms-domain.md §9)"),
  ];
}

export const DEMO_PASSWORD = "Caseway-demo-2026";

export const DEMO_USERS = [
  { email: "partner.sr@caseway.example", name: "Faisal Al-Harbi", role: "PARTNER_OFFICER", org: ["PARTNER_COUNTRY", "SR"] },
  { email: "partner.bn@caseway.example", name: "Mira Castellan", role: "PARTNER_OFFICER", org: ["PARTNER_COUNTRY", "BN"] },
  { email: "dsca@caseway.example", name: "Dana Whitfield", role: "DSCA_ANALYST", org: ["DSCA", "DSCA"] },
  // A second analyst: whoever records a review as not required may not also decide DSCA's own review of the case.
  { email: "dsca2@caseway.example", name: "Jamal Carter", role: "DSCA_ANALYST", org: ["DSCA", "DSCA"] },
  { email: "state@caseway.example", name: "Marcus Reyes", role: "STATE_REVIEWER", org: ["STATE_PM", "PM"] },
  { email: "dtsa@caseway.example", name: "Priya Natarajan", role: "DTSA_REVIEWER", org: ["DTSA", "DTSA"] },
  { email: "navy@caseway.example", name: "Tom Okafor", role: "IA_CASE_MANAGER", org: ["IMPLEMENTING_AGENCY", "P"] },
  { email: "army@caseway.example", name: "Grace Whitaker", role: "IA_CASE_MANAGER", org: ["IMPLEMENTING_AGENCY", "B"] },
  { email: "admin@caseway.example", name: "Alex Morgan", role: "ADMIN", org: ["DSCA", "DSCA"] },
  { email: "auditor@caseway.example", name: "Jordan Lee", role: "AUDITOR", org: ["DSCA", "DSCA"] },
  { email: "finance@caseway.example", name: "Sam Brooks", role: "FINANCE_OFFICER", org: ["DSCA", "DSCA"] },
  { email: "policy@caseway.example", name: "Rosa Delgado", role: "POLICY_OFFICER", org: ["DSCA", "DSCA"] },
] as const;

export async function seedDemo(prisma: PrismaClient) {
  // SAMM's own examples use the invented customer "Bandaria" (BN); here it stands in for a NATO+ purchaser.
  await createOrganization(prisma, {
    kind: "PARTNER_COUNTRY",
    code: "BN",
    name: "Bandaria (fictional demo customer)",
    natoPlus: true,
    verified: false,
    source: "Demo data only: the fictional customer used in SAMM examples (DISAM's 'Bandaria'). Not a real FMS code.",
  });
  for (const demo of DEMO_USERS) {
    const organization = await prisma.organization.findUniqueOrThrow({
      where: { kind_code: { kind: demo.org[0], code: demo.org[1] } },
    });
    await createUser(prisma, {
      role: demo.role,
      email: demo.email,
      name: demo.name,
      password: DEMO_PASSWORD,
      organizationId: organization.id,
    });
  }
  await seedDemoOfficeAccountables(prisma);
  await seedDemoLors(prisma);
  const now = new Date();
  const ids = await seedDemoCases(prisma, now);
  if (!ids) return;
  // Life after acceptance, in the order it happens: deliveries, a discrepancy against one of them, the bills that
  // count those deliveries, and a case taken all the way to closure.
  await seedDemoExecution(prisma, ids, now);
  await seedDemoSdrs(prisma, ids, now);
  await seedDemoFinance(prisma, ids, now);
  await seedDemoClosure(prisma, ids, now);
  // Changes after acceptance: an accepted Amendment to compare with its basic LOA, and a Modification at DSCA review.
  await seedDemoChanges(prisma, now);
  // A rate change waiting for an administrator (with its impact over the LOAs above) and a clock change approved.
  await seedDemoPolicy(prisma, now);
  // A year of past cases per demo agency, so the demo cases show predicted dates (and one is at risk).
  await seedDemoHistory(prisma, now);
}
