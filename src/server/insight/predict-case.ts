import "server-only";
import {
  HISTORY_STEPS,
  partnerViewOfPrediction,
  predictCase,
  STEP_RULE_KEYS,
  type HistoryStepKey,
  type PredictionInput,
  type StepHistory,
} from "@/domain/insight/prediction";
import type { Actor } from "@/domain/policy";
import { toPredictionView } from "@/domain/insight/prediction-view";
import type { CasePredictionView } from "@/domain/schemas/insight";
import { dueDate, pausedDueDate, ruleInForce, type DayKind, type SlaRule } from "@/domain/sla";
import { STATUS_SLA_KEYS, WORKFLOW_RULE_KEYS, type CaseStatus, type CnStatus } from "@/domain/workflow/states";
import { assertCaseVisible } from "../cases/case-access";
import { db } from "../db";
import { notFound } from "../errors";
import { loadStepDurationStats, type StepStatRow } from "./step-duration-stats";

/** Steps without an SLA rule of their own: office work counts in business days, a shipment's journey in calendar days. */
const DEFAULT_UNITS: Partial<Record<HistoryStepKey, DayKind>> = {
  CN_PREPARATION: "BUSINESS",
  CN_STATE_CLEARANCE: "BUSINESS",
  SHIPMENT_TRANSIT: "CALENDAR",
};

/** The events that put the notification track into each stage (the case's audit trail dates them). */
const CN_ENTRY_EVENTS: Partial<Record<CnStatus, readonly string[]>> = {
  PREPARATION: ["approve-loa", "set-notification-requirement", "release-notification-hold"],
  STATE_CLEARANCE: ["send-notification-to-state", "release-notification-hold"],
  INFORMAL_REVIEW: ["clear-notification", "release-notification-hold"],
};
const HISTORY_EVENTS = [...new Set([...Object.values(CN_ENTRY_EVENTS).flat(), "suspend", "resume"])];

/**
 * Each step's history in the kind of days its SLA rule in force counts (a rule change from business to calendar days
 * changes which median is read, never the data).
 */
export function historyFromStats(stats: readonly StepStatRow[], rules: readonly SlaRule[], now: Date): PredictionInput["history"] {
  const history: Partial<Record<HistoryStepKey, StepHistory>> = {};
  for (const row of stats) {
    if (!(HISTORY_STEPS as readonly string[]).includes(row.step)) continue;
    const key = STEP_RULE_KEYS[row.step];
    const unit = (key ? ruleInForce(rules, key, now)?.dayKind : undefined) ?? DEFAULT_UNITS[row.step] ?? "CALENDAR";
    history[row.step] = { sampleSize: row.sampleSize, medianMs: unit === "BUSINESS" ? row.medianBusinessMs : row.medianCalendarMs, unit };
  }
  return history;
}

/** Each step's own SLA rule in force now (the review targets, the status targets). */
export function stepTargetsInForce(rules: readonly SlaRule[], now: Date): PredictionInput["stepTargets"] {
  const targets: NonNullable<PredictionInput["stepTargets"]> = {};
  for (const [step, key] of Object.entries(STEP_RULE_KEYS) as [HistoryStepKey, string][]) {
    const rule = ruleInForce(rules, key, now);
    if (rule) targets[step] = { days: rule.days, dayKind: rule.dayKind };
  }
  return targets;
}

/**
 * The LOR-to-offer target: the LOA_DEVELOPMENT rule ("letter complete to offer", fms-domain.md §9) in force when the
 * letter was complete — the moment the case opened — moved on by every suspension since (the clock pauses, §9).
 */
export function offerTarget(
  openedAt: Date,
  rules: readonly SlaRule[],
  pauses: readonly { from: Date; to: Date }[],
): PredictionInput["target"] {
  const rule = ruleInForce(rules, STATUS_SLA_KEYS.IN_DEVELOPMENT!, openedAt);
  if (!rule) return null;
  let due = dueDate(openedAt, rule);
  for (const pause of pauses) due = pausedDueDate(due, pause.from, pause.to, rule.dayKind);
  return { dueAt: due, days: rule.days, dayKind: rule.dayKind };
}

/** When to expect what on one case, worded for the viewer (a partner sees no U.S. Government office by name). */
export async function predictCaseForActor(actor: Actor, caseId: string, now = new Date()): Promise<CasePredictionView> {
  await assertCaseVisible(actor, caseId);
  const client = db();
  const row = await client.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      identifier: true,
      status: true,
      statusChangedAt: true,
      statusDueAt: true,
      openedAt: true,
      implementingAgencyId: true,
      reviewRound: true,
      offeredAt: true,
      cnStatus: true,
      cnNotifiedAt: true,
      cnInformalEndsAt: true,
      cnPeriodEndsAt: true,
      country: { select: { natoPlus: true } },
      implementingAgency: { select: { shortName: true, name: true } },
    },
  });
  if (!row) throw notFound("Case");
  const [rules, stats, tasks, shipments, events] = await Promise.all([
    client.slaRule.findMany(),
    loadStepDurationStats(client, row.implementingAgencyId),
    client.reviewTask.findMany({ where: { caseId, round: row.reviewRound }, select: { office: true, status: true, openedAt: true, dueAt: true } }),
    client.shipment.findMany({ where: { caseId }, select: { shippedOn: true, receivedOn: true } }),
    // The case's own trail (index on target_type, target_id): when the notification entered its stage, and the pauses.
    client.$queryRaw<{ event: string; occurred_at: Date }[]>`
      SELECT details->>'event' AS event, occurred_at FROM audit_events
      WHERE target_type = 'case' AND target_id = ${caseId} AND details->>'event' = ANY (${HISTORY_EVENTS}::text[])
      ORDER BY id`,
  ]);

  const pauses: { from: Date; to: Date }[] = [];
  let suspendedAt: Date | null = null;
  for (const e of events) {
    if (e.event === "suspend") suspendedAt = e.occurred_at;
    else if (e.event === "resume" && suspendedAt) {
      pauses.push({ from: suspendedAt, to: e.occurred_at });
      suspendedAt = null;
    }
  }
  const cnStatus = row.cnStatus as CnStatus;
  const entryEvents = CN_ENTRY_EVENTS[cnStatus];
  const cnEnteredAt =
    cnStatus === "FORMALLY_NOTIFIED" ? row.cnNotifiedAt : entryEvents ? (events.filter((e) => entryEvents.includes(e.event)).at(-1)?.occurred_at ?? null) : null;
  const natoPlus = row.country.natoPlus === true;
  const period = (key: string) => {
    const rule = ruleInForce(rules, key, now);
    return rule ? { days: rule.days, dayKind: rule.dayKind } : null;
  };

  const prediction = predictCase({
    now,
    status: row.status as CaseStatus,
    statusChangedAt: row.statusChangedAt,
    statusDueAt: row.statusDueAt,
    target: offerTarget(row.openedAt, rules, pauses),
    reviews: tasks,
    cn: { status: cnStatus, enteredAt: cnEnteredAt, informalEndsAt: row.cnInformalEndsAt, periodEndsAt: row.cnPeriodEndsAt, natoPlus },
    cnPeriods: {
      informal: natoPlus ? null : period(WORKFLOW_RULE_KEYS.cnInformalReview),
      formal: period(natoPlus ? WORKFLOW_RULE_KEYS.cnFormalNatoPlus : WORKFLOW_RULE_KEYS.cnFormalOther),
    },
    stepTargets: stepTargetsInForce(rules, now),
    history: historyFromStats(stats, rules, now),
    agencyName: row.implementingAgency.shortName ?? row.implementingAgency.name,
    offeredAt: row.offeredAt,
    shipments,
  });
  const partner = actor.role === "PARTNER_OFFICER";
  const statisticsComputedAt = stats.reduce<Date | null>((at, s) => (at && at > s.computedAt ? at : s.computedAt), null);
  return toPredictionView(partner ? partnerViewOfPrediction(prediction) : prediction, {
    caseId: row.id,
    identifier: row.identifier,
    now,
    partner,
    statisticsComputedAt,
  });
}
