// Service-level clocks from effective-dated rules (fms-domain.md §9): the rule in force when a clock starts is the one
// that applies to it. Calendar days count every day; business days skip Saturdays, Sundays and listed holidays (UTC).

export type DayKind = "CALENDAR" | "BUSINESS";

/** The rule keys Caseway reads. */
export const SLA_KEYS = { lorValidation: "LOR_VALIDATION" } as const;

export interface SlaRule {
  key: string;
  days: number;
  dayKind: DayKind;
  /** Percent of the target at which the clock turns amber. */
  amberPercent: number;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

export type AgingState = "ON_TRACK" | "DUE_SOON" | "OVERDUE" | "MET" | "MISSED";

export interface Aging {
  dueAt: Date;
  state: AgingState;
  /** Elapsed share of the target, in percent, rounded down (can exceed 100). */
  percentElapsed: number;
  targetDays: number;
  dayKind: DayKind;
}

const DAY_MS = 86_400_000;

/** The rule for `key` in force at `at`: effectiveFrom ≤ at < effectiveTo. The latest start wins if rows overlap. */
export function ruleInForce<R extends SlaRule>(rules: readonly R[], key: string, at: Date): R | null {
  const t = at.getTime();
  return (
    rules
      .filter((r) => r.key === key && r.effectiveFrom.getTime() <= t && (r.effectiveTo === null || t < r.effectiveTo.getTime()))
      .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime())[0] ?? null
  );
}

/** The UTC calendar day of an instant, YYYY-MM-DD. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The first instant of a UTC calendar day (YYYY-MM-DD): where a "from" day filter starts. */
export const startOfUtcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The first instant after a UTC calendar day: a "to" day filter covers its whole day, up to (not including) this. */
export const startOfNextUtcDay = (day: string) => new Date(startOfUtcDay(day).getTime() + DAY_MS);

// Clocks run on millisecond numbers rather than Date objects: lists age every row, and a clock that has run for years
// must not cost a loop over every day it has run.
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/** 0 = Sunday … 6 = Saturday, for the UTC day holding instant `t` (1970-01-01 was a Thursday). */
const weekdayOf = (t: number) => (((Math.floor(t / DAY_MS) + 4) % 7) + 7) % 7;

function isBusinessInstant(t: number, holidays: ReadonlySet<string>): boolean {
  const weekday = weekdayOf(t);
  if (weekday === 0 || weekday === 6) return false;
  return holidays.size === 0 || !holidays.has(new Date(t).toISOString().slice(0, 10));
}

export function isBusinessDay(date: Date, holidays: ReadonlySet<string> = NO_HOLIDAYS): boolean {
  return isBusinessInstant(date.getTime(), holidays);
}

/** The moment the target falls due for a clock started at `start`. */
export function dueDate(start: Date, rule: Pick<SlaRule, "days" | "dayKind">, holidays: ReadonlySet<string> = NO_HOLIDAYS): Date {
  if (rule.dayKind === "CALENDAR") return new Date(start.getTime() + rule.days * DAY_MS);
  let due = start.getTime();
  for (let remaining = rule.days; remaining > 0; ) {
    due += DAY_MS;
    if (isBusinessInstant(due, holidays)) remaining -= 1;
  }
  return new Date(due);
}

/** How many of the instants `first`, `first + 1 day`, … (`count` of them) fall on business days. */
function businessLandings(first: number, count: number, holidays: ReadonlySet<string>): number {
  if (count <= 0) return 0;
  const weeks = Math.floor(count / 7);
  let landings = weeks * 5;
  for (let i = weeks * 7; i < count; i += 1) {
    const weekday = weekdayOf(first + i * DAY_MS);
    if (weekday !== 0 && weekday !== 6) landings += 1;
  }
  if (holidays.size > 0) {
    const firstDay = Math.floor(first / DAY_MS);
    for (const holiday of holidays) {
      const t = Date.parse(`${holiday}T00:00:00Z`);
      if (Number.isNaN(t)) continue;
      const day = Math.floor(t / DAY_MS);
      const weekday = weekdayOf(t);
      if (day >= firstDay && day < firstDay + count && weekday !== 0 && weekday !== 6) landings -= 1;
    }
  }
  return landings;
}

/**
 * Business time elapsed from `start` to `end`, in milliseconds, counted the way `dueDate` counts: each day after the
 * start whose same-time-of-day instant lands on a business day adds one day; the day in progress adds its elapsed
 * part only if it too lands on a business day. So a clock reads exactly `days` business days at its due moment, and
 * eight business days read the same on a Friday as on a Tuesday (time over a weekend or holiday does not count).
 */
export function businessTimeBetween(start: Date, end: Date, holidays: ReadonlySet<string> = NO_HOLIDAYS): number {
  const from = start.getTime();
  const total = end.getTime() - from;
  if (total <= 0) return 0;
  const wholeDays = Math.floor(total / DAY_MS);
  let elapsed = businessLandings(from + DAY_MS, wholeDays, holidays) * DAY_MS;
  if (isBusinessInstant(from + (wholeDays + 1) * DAY_MS, holidays)) elapsed += total - wholeDays * DAY_MS;
  return elapsed;
}

/**
 * The start of a clock that is `days` business days old at `now` (the inverse of `businessTimeBetween`): it keeps the
 * time of day, so the clock's aging is the same whichever weekday `now` falls on. Demo data and tests use it.
 */
export function businessDaysBefore(now: Date, days: number, holidays: ReadonlySet<string> = NO_HOLIDAYS): Date {
  let landing = now.getTime();
  for (let left = days; left > 0; landing -= DAY_MS) {
    if (isBusinessInstant(landing, holidays)) left -= 1;
  }
  return new Date(landing);
}

/**
 * How a clock stands at `now`. A stopped clock (`stoppedAt`) reports whether the target was met or missed; a running
 * one reports on track, due soon (at or past the amber share) or overdue (past the due moment). The share of the
 * target is measured in the rule's own kind of days: business time for business-day rules (fms-domain.md §9 puts amber
 * at 75% of the SLA, which is counted in business days), calendar time otherwise.
 */
export function agingOf(
  start: Date,
  rule: Pick<SlaRule, "days" | "dayKind" | "amberPercent">,
  now: Date,
  { stoppedAt = null, holidays }: { stoppedAt?: Date | null; holidays?: ReadonlySet<string> } = {},
): Aging {
  const dueAt = dueDate(start, rule, holidays);
  const end = stoppedAt ?? now;
  const elapsed =
    rule.dayKind === "BUSINESS" ? businessTimeBetween(start, end, holidays) : Math.max(end.getTime() - start.getTime(), 0);
  const span = rule.dayKind === "BUSINESS" ? rule.days * DAY_MS : dueAt.getTime() - start.getTime();
  const percentElapsed = Math.floor((elapsed * 100) / Math.max(span, 1));
  let state: AgingState;
  if (stoppedAt) state = stoppedAt.getTime() <= dueAt.getTime() ? "MET" : "MISSED";
  else if (end.getTime() > dueAt.getTime()) state = "OVERDUE";
  else if (percentElapsed >= rule.amberPercent) state = "DUE_SOON";
  else state = "ON_TRACK";
  return { dueAt, state, percentElapsed, targetDays: rule.days, dayKind: rule.dayKind };
}

/**
 * The moment a clock turns amber: the first instant at which `agingOf` reports at least the rule's amber share. Stored
 * with inbox rows so "due soon" can be counted in SQL.
 */
export function amberMoment(
  start: Date,
  rule: Pick<SlaRule, "days" | "dayKind" | "amberPercent">,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): Date {
  const span = rule.dayKind === "BUSINESS" ? rule.days * DAY_MS : dueDate(start, rule, holidays).getTime() - start.getTime();
  // percentElapsed = floor(elapsed × 100 / span) reaches amberPercent exactly when elapsed ≥ amberPercent × span / 100.
  let remaining = Math.ceil((rule.amberPercent * Math.max(span, 1)) / 100);
  if (rule.dayKind === "CALENDAR") return new Date(start.getTime() + remaining);
  if (remaining <= 0) return new Date(start.getTime());
  for (let day = 1; ; day += 1) {
    if (!isBusinessInstant(start.getTime() + day * DAY_MS, holidays)) continue;
    if (remaining <= DAY_MS) return new Date(start.getTime() + (day - 1) * DAY_MS + remaining);
    remaining -= DAY_MS;
  }
}

// ---- pauses (a suspended case, fms-domain.md §9 "Clock pauses") -----------------------------------------------------
// A pause never rewrites when a clock started: it moves the clock's due date on, and the aging of a clock whose stored
// due date lies beyond what its rule gives from its start reads the difference as paused time.

/**
 * The due date of a clock that was paused from `pausedAt` to `resumedAt`, in the clock's own kind of days, so the
 * paused time does not count. Calendar clocks move on by exactly the paused time. Business-day clocks get back at
 * least the business time they had left at the pause, rounded up to the first business day at the due date's own time
 * of day (so the due date stays a working day, on the clock's grid, and is never shorter than what was left — at most
 * under one business day longer). A clock already overdue when paused stays overdue by the same wall time.
 */
export function pausedDueDate(
  dueAt: Date,
  pausedAt: Date,
  resumedAt: Date,
  dayKind: DayKind,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): Date {
  const pausedMs = Math.max(resumedAt.getTime() - pausedAt.getTime(), 0);
  if (pausedMs === 0) return dueAt;
  if (dayKind === "CALENDAR" || dueAt.getTime() <= pausedAt.getTime()) return new Date(dueAt.getTime() + pausedMs);
  const left = businessTimeBetween(pausedAt, dueAt, holidays);
  for (let due = dueAt.getTime(); ; due += DAY_MS) {
    if (isBusinessInstant(due, holidays) && businessTimeBetween(resumedAt, new Date(due), holidays) >= left) return new Date(due);
  }
}

/**
 * Where a clock runs from: its start, or — when its stored due date lies beyond what its rule gives from that start,
 * because pauses moved it on — the moment from which the rule reaches the stored due date. Paused time then never
 * counts as elapsed.
 */
export function runningStart(
  start: Date,
  dueAt: Date,
  rule: Pick<SlaRule, "days" | "dayKind">,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): Date {
  if (dueAt.getTime() <= dueDate(start, rule, holidays).getTime()) return start;
  return rule.dayKind === "CALENDAR" ? new Date(dueAt.getTime() - rule.days * DAY_MS) : businessDaysBefore(dueAt, rule.days, holidays);
}

/**
 * How a clock with a stored due date stands at `now`: the share elapsed from its running start (paused time left
 * out), and the state against the stored due date, which the lists' and inboxes' SQL read too.
 */
export function clockAging(
  start: Date,
  dueAt: Date,
  rule: Pick<SlaRule, "days" | "dayKind" | "amberPercent">,
  now: Date,
  { stoppedAt = null, holidays }: { stoppedAt?: Date | null; holidays?: ReadonlySet<string> } = {},
): Aging {
  const aging = agingOf(runningStart(start, dueAt, rule, holidays), rule, now, { stoppedAt, holidays });
  const due = dueAt.getTime();
  let state: AgingState;
  if (stoppedAt) state = stoppedAt.getTime() <= due ? "MET" : "MISSED";
  else if (now.getTime() > due) state = "OVERDUE";
  else state = aging.percentElapsed >= rule.amberPercent ? "DUE_SOON" : "ON_TRACK";
  return { ...aging, dueAt, state };
}

export const AGING_LABELS: Record<AgingState, string> = {
  ON_TRACK: "On track",
  DUE_SOON: "Due soon",
  OVERDUE: "Overdue",
  MET: "Target met",
  MISSED: "Target missed",
};

/** Whole days between two instants, rounded down ("3 days old"). */
export const wholeDaysBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
