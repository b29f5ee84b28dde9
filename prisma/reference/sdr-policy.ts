// Supply Discrepancy Report policy as effective-dated rows (fms-domain.md §9, §11): the filing window, the agency's
// decision target and the partner's reconsideration window in sla_rules; the minimum value in pricing_rates. Loaded by
// seedReference with skipDuplicates, so new and existing databases get them and an administrator's rows stay; to
// change a limit, add a row with a later effective date. [F] cites a public source, [F?] one to verify, [A] a
// Caseway default.
import { SDR_RULE_KEYS } from "../../src/domain/execution/sdr";

const since = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const SDR_SLA_RULES = [
  {
    key: SDR_RULE_KEYS.filingWindow,
    days: 365,
    dayKind: "CALENDAR" as const,
    amberPercent: 75,
    effectiveFrom: since("2000-01-01"),
    effectiveTo: null,
    source:
      "[F?] File within one year of delivery or title transfer (LOA Standard Terms and Conditions; DLM 4000.25 Vol 2 Ch 17; fms-domain.md §9): verify against the LOA in force",
  },
  {
    key: SDR_RULE_KEYS.decision,
    days: 60,
    dayKind: "CALENDAR" as const,
    amberPercent: 75,
    effectiveFrom: since("2000-01-01"),
    effectiveTo: null,
    source:
      "[F?] Action activity reply to a security assistance SDR: DLM 4000.25 Vol 2 Ch 17 time standards; 60 calendar days is Caseway's target until the agency's figure is confirmed",
  },
  {
    key: SDR_RULE_KEYS.reconsideration,
    days: 90,
    dayKind: "CALENDAR" as const,
    amberPercent: 75,
    effectiveFrom: since("2000-01-01"),
    effectiveTo: since("2009-05-19") as Date | null,
    source: "[F] Reconsideration time standard 90 calendar days until 19 May 2009 (DSCA Policy Memo 10-44, samm.dsca.mil/policy-memoranda/dsca-10-44)",
  },
  {
    key: SDR_RULE_KEYS.reconsideration,
    days: 45,
    dayKind: "CALENDAR" as const,
    amberPercent: 75,
    effectiveFrom: since("2009-05-19"),
    effectiveTo: null,
    source:
      "[F] Ask for reconsideration within 45 calendar days of the decision, from 19 May 2009 (DSCA Policy Memo 10-44; DLM 4000.25 Vol 2 Ch 17)",
  },
];

export const SDR_PRICING_RATES = [
  {
    key: SDR_RULE_KEYS.minimumValue,
    value: "200",
    effectiveFrom: since("2000-01-01"),
    effectiveTo: null,
    source:
      "[F] Security assistance SDRs under $200 are not accepted without justification; information-only reports are (DLA/DLMS SA SDR procedures brief; LOA Standard Terms; fms-domain.md §9)",
  },
];
