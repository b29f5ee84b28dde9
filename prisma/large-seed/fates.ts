// Where the seeded cases stand today, in proportions that look like a mature FMS portfolio on the old cases (many
// closed, executing or waiting for closure) and keep plenty of live work on the recent ones: new cases waiting for
// DSCA to assign an agency, LOAs in development, parallel reviews in every stage (some overdue), signatures, offers
// and acceptances, notification tracks in every state, and a few suspended, cancelled, disapproved or expired cases.
//
// About a third of all cases are DSCA work (assign the agency, a DSCA review, countersign, record the deposit, resume,
// close, the notification steps), so 100k cases give more than 33k items in a DSCA analyst's inbox — past Prisma's
// bind-parameter limit, which the scale tests need.
import type { CaseStatus, ReviewOffice } from "../../src/domain/workflow/states";
import type { Random } from "./random";
import type { Fate } from "./story";

export const TARGET_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ["CLOSED", 19.5],
  ["EXECUTING", 15],
  ["SUPPLY_SERVICES_COMPLETE", 4],
  ["CLOSURE_PENDING", 12],
  ["IMPLEMENTED", 2.5],
  ["ACCEPTED", 3],
  ["OFFERED", 2.5],
  ["EXPIRED", 1.5],
  ["COUNTERSIGNED", 1],
  ["AGENCY_SIGNED", 3],
  ["READY_TO_SIGN", 1.5],
  ["IN_REVIEW", 12],
  ["IN_DEVELOPMENT", 6],
  ["OPENED", 8],
  ["SUSPENDED", 2],
  ["CANCELLED", 3],
  ["DISAPPROVED", 2],
];

/** States that last (or end the case): the seed places such cases anywhere in the years, leaning to recent ones. */
export const LASTING_STATES: readonly CaseStatus[] = [
  "CLOSED",
  "CANCELLED",
  "DISAPPROVED",
  "EXPIRED",
  "SUSPENDED",
  "EXECUTING",
  "SUPPLY_SERVICES_COMPLETE",
  "CLOSURE_PENDING",
  "IMPLEMENTED",
];

const BEYOND_REVIEW: readonly CaseStatus[] = [
  "READY_TO_SIGN",
  "AGENCY_SIGNED",
  "COUNTERSIGNED",
  "OFFERED",
  "ACCEPTED",
  "EXPIRED",
  "IMPLEMENTED",
  "EXECUTING",
  "SUPPLY_SERVICES_COMPLETE",
  "CLOSURE_PENDING",
  "CLOSED",
];
const EXECUTION: readonly CaseStatus[] = ["EXECUTING", "SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING", "CLOSED"];

const office = (random: Random, weights: [ReviewOffice, number][]) => random.weighted(weights);

export function drawFate(random: Random, target: CaseStatus, notificationRequired: boolean): Fate {
  const fate: Fate = {
    target,
    returnBy: null,
    disapproveBy: null,
    cancelFrom: null,
    suspendFrom: null,
    resumeAfterDays: null,
    neverAccept: false,
    emergency: false,
    cnEarly: false,
    holdAt: null,
    holdDays: null,
    slowReviews: false,
    assignDays: random.chance(0.85) ? random.between(0.1, 7) : random.between(7, 30),
    developmentDays: random.between(10, 60),
    executionDays: random.between(180, 1800),
    supplyCompleteDays: random.between(30, 700),
    closureDays: random.between(30, 800),
  };
  const returnChance = target === "IN_DEVELOPMENT" ? 0.2 : target === "IN_REVIEW" ? 0.15 : 0.1;
  if (random.chance(returnChance) && target !== "OPENED") {
    fate.returnBy = office(random, [
      ["STATE_PM", 40],
      ["DTSA", 30],
      ["DSCA", 30],
    ]);
  }
  switch (target) {
    case "OPENED":
      // A backlog: many within the five-business-day target, many well past it.
      fate.assignDays = random.chance(0.55) ? random.between(0.1, 7) : random.between(7, 90);
      break;
    case "IN_DEVELOPMENT":
      fate.developmentDays = random.between(10, 120);
      break;
    case "IN_REVIEW":
      fate.slowReviews = true;
      break;
    case "DISAPPROVED":
      fate.slowReviews = true;
      fate.disapproveBy = office(random, [
        ["STATE_PM", 45],
        ["DTSA", 35],
        ["DSCA", 20],
      ]);
      break;
    case "CANCELLED": {
      const from = random.weighted<NonNullable<Fate["cancelFrom"]>>([
        ["OPENED", 20],
        ["IN_DEVELOPMENT", 45],
        ["IN_REVIEW", 20],
        ["EXPIRED", 10],
        ["BLOCKED", 5],
      ]);
      fate.cancelFrom = from === "BLOCKED" && !notificationRequired ? "IN_DEVELOPMENT" : from;
      if (fate.cancelFrom === "EXPIRED") fate.neverAccept = true;
      if (fate.cancelFrom === "IN_REVIEW") fate.slowReviews = true;
      break;
    }
    case "SUSPENDED":
      fate.suspendFrom = random.weighted<CaseStatus>([
        ["OPENED", 5],
        ["IN_DEVELOPMENT", 40],
        ["IN_REVIEW", 15],
        ["READY_TO_SIGN", 5],
        ["EXECUTING", 35],
      ]);
      if (fate.suspendFrom === "EXECUTING") fate.executionDays = random.between(180, 1500);
      break;
    case "EXPIRED":
      fate.neverAccept = true;
      break;
    case "OFFERED":
      fate.neverAccept = random.chance(0.25);
      break;
    case "CLOSED":
      // Closed within the years the seed covers.
      fate.executionDays = random.between(150, 1300);
      fate.supplyCompleteDays = random.between(20, 365);
      fate.closureDays = random.between(20, 365);
      break;
    default:
      break;
  }
  if (EXECUTION.includes(target) && random.chance(0.04)) {
    fate.suspendFrom = "EXECUTING";
    fate.resumeAfterDays = random.between(30, 300);
  }
  if (["IMPLEMENTED", ...EXECUTION].includes(target) && random.chance(0.03)) fate.emergency = true;
  if (notificationRequired) {
    // Cases that go on to an offer mostly start the notification while the LOA is written, so it clears in time.
    fate.cnEarly = random.chance(BEYOND_REVIEW.includes(target) ? 0.8 : 0.5);
    if (random.chance(0.06)) {
      fate.holdAt = random.chance(0.5) ? "PREPARATION" : "STATE_CLEARANCE";
      fate.holdDays = ["IN_REVIEW", "IN_DEVELOPMENT"].includes(target) && random.chance(0.3) ? null : random.between(5, 40);
    }
  }
  return fate;
}
