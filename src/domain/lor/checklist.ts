import type { AttachmentKind, FinancingType, LoaType, LorRequestType, UnitOfIssue } from "./codes";
import { requestRefersToCase } from "./codes";

// The actionable checklist (fms-domain.md §2.2: SAMM C5.1.7 / Table C5.T3a counts 13 mandatory criteria). The wording
// of each criterion is ours and follows the LOR contents eSAMM C5.1 asks for; the checklist is data, so the same
// function scores the form while the partner types, refuses an incomplete submission, and guides the USG validator.

export interface ChecklistItem {
  nomenclature?: string | null;
  description?: string | null;
  quantity?: number | null;
  unitOfIssue?: UnitOfIssue | null;
  estimatedValue?: string | null;
}

export interface ChecklistContact {
  name?: string | null;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface ChecklistInput {
  subject?: string | null;
  originatorReference?: string | null;
  originatorName?: string | null;
  originatorAddress?: string | null;
  requestType?: LorRequestType | null;
  relatedCaseIdentifier?: string | null;
  loaType?: LoaType | null;
  preferredAgencyCode?: string | null;
  items?: readonly ChecklistItem[] | null;
  blanketValue?: string | null;
  blanketCategory?: string | null;
  financing?: FinancingType | null;
  financingNotes?: string | null;
  requestedDeliveryBy?: string | null;
  thirdPartyInvolvement?: boolean | null;
  thirdPartyDetails?: string | null;
  soleSourceRequested?: boolean | null;
  soleSourceContractor?: string | null;
  soleSourceJustification?: string | null;
  trainingNeeds?: string | null;
  logisticsNeeds?: string | null;
  transportationNeeds?: string | null;
  pointsOfContact?: readonly ChecklistContact[] | null;
  signatoryName?: string | null;
  signatoryTitle?: string | null;
  signatoryAuthority?: string | null;
  /** Kinds of the files attached so far. */
  attachmentKinds?: readonly AttachmentKind[];
}

export interface CriterionResult {
  key: string;
  label: string;
  mandatory: boolean;
  /** False when the criterion does not apply to this kind of request (it then counts as neither met nor missing). */
  applicable: boolean;
  met: boolean;
  /** What is missing, in words the partner can act on; null when met or not applicable. */
  problem: string | null;
  /** The same as data, for a page to word in its reader's language: each thing missing, in order. */
  problems: ChecklistProblem[];
}

export interface ChecklistResult {
  criteria: CriterionResult[];
  /** Percent (0–100, rounded down) of the applicable criteria that are met. */
  score: number;
  /** Every applicable mandatory criterion is met: the letter may be submitted. */
  ready: boolean;
  missing: CriterionResult[];
}

/** An item needs at least this much description for the agency to estimate its cost. */
export const MIN_CONFIGURATION_LENGTH = 20;

/** Something a letter lacks: `item` (1-based) names an item or contact, `gaps` an item's missing fields. */
export interface ChecklistProblem {
  code: ChecklistProblemCode;
  item?: number;
  gaps?: ItemGap[];
  /** The validator's own words, when they returned the letter for this criterion. */
  reasons?: string;
}
export const ITEM_GAPS = ["nomenclature", "quantity", "unitOfIssue"] as const;
export type ItemGap = (typeof ITEM_GAPS)[number];
const GAP_WORDS: Record<ItemGap, string> = { nomenclature: "nomenclature", quantity: "quantity", unitOfIssue: "unit of issue" };

/** Each problem in English (the page words it in its reader's language from the LorChecklist catalogue). */
export const CHECKLIST_PROBLEMS = {
  referenceNumber: () => "Give your own reference number, such as the letter's serial number",
  subject: () => "Give the letter a subject",
  originatorName: () => "Name the office sending the request",
  originatorAddress: () => "Give the office's address",
  requestType: () => "Say whether you want P&A data, an LOA, an amendment or a modification",
  caseReference: () => "Name the existing case to change, like BN-B-ZAA",
  loaType: () => "Choose defined line, blanket order or CLSSA",
  blanketValue: () => "Give the dollar value requested for the blanket order",
  blanketCategory: () => "Name the category of items or services",
  noItems: () => "List at least one item or service",
  itemGaps: (p: ChecklistProblem) => `item ${p.item} needs ${(p.gaps ?? []).map((g) => GAP_WORDS[g]).join(", ")}`,
  noConfiguration: () => "Describe each item's configuration once you list it",
  itemConfiguration: (p: ChecklistProblem) => `describe the configuration of item ${p.item} (at least ${MIN_CONFIGURATION_LENGTH} characters)`,
  financing: () => "Say how you propose to pay: national funds, FMF or both",
  financingSplit: () => "Explain how national funds and FMF are split",
  deliveryDate: () => "Give the date you need delivery by",
  deliveryPast: () => "The requested delivery date must be in the future",
  thirdParty: () => "Say whether anyone other than your government's officers or employees takes part",
  thirdPartyDetails: () => "Describe the third parties and their role",
  soleSource: () => "Say whether you ask for a specific contractor",
  soleSourceContractor: () => "Name the contractor you request",
  soleSourceJustification: () => "Justify the sole-source request",
  noContact: () => "Give at least one point of contact with a name and email",
  contactGaps: (p: ChecklistProblem) => `contact ${p.item} needs a name and an email`,
  signatoryName: () => "Name the official who signs the request",
  signatoryTitle: () => "Give the signatory's title",
  signatoryAuthority: () => "State the signatory's authority to request on behalf of your government",
  preferredAgency: () => "Suggest an implementing agency if you have a preference",
  training: () => "Describe training needs, or write 'None'",
  logistics: () => "Describe spares, maintenance and support needs, or write 'None'",
  transportation: () => "Say how you prefer delivery to be shipped",
  signedLetter: () => "Attach the signed letter as a PDF or image",
  validatorFound: (p: ChecklistProblem) => `The validator found this insufficient: ${p.reasons ?? ""}`,
} satisfies Record<string, (p: ChecklistProblem) => string>;
export type ChecklistProblemCode = keyof typeof CHECKLIST_PROBLEMS;
export const CHECKLIST_PROBLEM_CODES = Object.keys(CHECKLIST_PROBLEMS) as [ChecklistProblemCode, ...ChecklistProblemCode[]];

/** How many problems a criterion names before "and N more". */
export const PROBLEMS_SHOWN = 3;

type Verdict = { applicable?: boolean; problems: ChecklistProblem[] };
interface Criterion {
  key: string;
  label: string;
  mandatory: boolean;
  check: (lor: ChecklistInput, today: string) => Verdict;
}

const filled = (value: string | null | undefined) => typeof value === "string" && value.trim().length > 0;
const itemList = (lor: ChecklistInput) => lor.items ?? [];
const isBlanket = (lor: ChecklistInput) => lor.loaType === "BLANKET_ORDER";
const problem = (code: ChecklistProblemCode, extra: Omit<ChecklistProblem, "code"> = {}): ChecklistProblem => ({ code, ...extra });
const unless = (ok: boolean, code: ChecklistProblemCode): ChecklistProblem[] => (ok ? [] : [problem(code)]);
const only = (code: ChecklistProblemCode): Verdict => ({ problems: [problem(code)] });
const none: Verdict = { problems: [] };

/** The problems in English: the first three, "; and N more", capitalized. */
export function listProblems(problems: readonly ChecklistProblem[]): string | null {
  if (problems.length === 0) return null;
  const words = problems.map((p) => CHECKLIST_PROBLEMS[p.code](p));
  const shown = words.slice(0, PROBLEMS_SHOWN).join("; ");
  const text = words.length > PROBLEMS_SHOWN ? `${shown}; and ${words.length - PROBLEMS_SHOWN} more` : shown;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const CHECKLIST: readonly Criterion[] = [
  {
    key: "reference",
    label: "Reference number and subject",
    mandatory: true,
    check: (lor) => ({ problems: [...unless(filled(lor.originatorReference), "referenceNumber"), ...unless(filled(lor.subject), "subject")] }),
  },
  {
    key: "originator",
    label: "Originating office and address",
    mandatory: true,
    check: (lor) => ({ problems: [...unless(filled(lor.originatorName), "originatorName"), ...unless(filled(lor.originatorAddress), "originatorAddress")] }),
  },
  {
    key: "requestType",
    label: "Type of request",
    mandatory: true,
    check: (lor) => ({ problems: unless(!!lor.requestType, "requestType") }),
  },
  {
    key: "caseReference",
    label: "Existing case identified",
    mandatory: true,
    check: (lor) =>
      requestRefersToCase(lor.requestType)
        ? { problems: unless(filled(lor.relatedCaseIdentifier), "caseReference") }
        : { applicable: false, problems: [] },
  },
  {
    key: "loaType",
    label: "Desired type of LOA",
    mandatory: true,
    check: (lor) => ({ problems: unless(!!lor.loaType, "loaType") }),
  },
  {
    key: "items",
    label: "Articles and services requested",
    mandatory: true,
    check: (lor) => {
      if (isBlanket(lor)) {
        return { problems: [...unless(filled(lor.blanketValue), "blanketValue"), ...unless(filled(lor.blanketCategory), "blanketCategory")] };
      }
      const items = itemList(lor);
      if (items.length === 0) return only("noItems");
      const problems: ChecklistProblem[] = [];
      items.forEach((item, index) => {
        const gaps: ItemGap[] = [
          ...(filled(item.nomenclature) ? [] : (["nomenclature"] as const)),
          ...(item.quantity ? [] : (["quantity"] as const)),
          ...(item.unitOfIssue ? [] : (["unitOfIssue"] as const)),
        ];
        if (gaps.length) problems.push(problem("itemGaps", { item: index + 1, gaps }));
      });
      return { problems };
    },
  },
  {
    key: "configuration",
    label: "Enough detail to estimate cost",
    mandatory: true,
    check: (lor) => {
      if (isBlanket(lor)) return { applicable: false, problems: [] };
      const items = itemList(lor);
      if (items.length === 0) return only("noConfiguration");
      const problems = items.flatMap((item, index) =>
        (item.description ?? "").trim().length >= MIN_CONFIGURATION_LENGTH ? [] : [problem("itemConfiguration", { item: index + 1 })],
      );
      return { problems };
    },
  },
  {
    key: "financing",
    label: "Proposed financing",
    mandatory: true,
    check: (lor) => {
      if (!lor.financing) return only("financing");
      if (lor.financing === "MIXED" && !filled(lor.financingNotes)) return only("financingSplit");
      return none;
    },
  },
  {
    key: "delivery",
    label: "Requested delivery timeframe",
    mandatory: true,
    check: (lor, today) => {
      if (!filled(lor.requestedDeliveryBy)) return only("deliveryDate");
      if ((lor.requestedDeliveryBy ?? "") <= today) return only("deliveryPast");
      return none;
    },
  },
  {
    key: "thirdParty",
    label: "Third-party involvement stated",
    mandatory: true,
    check: (lor) => {
      if (lor.thirdPartyInvolvement === null || lor.thirdPartyInvolvement === undefined) return only("thirdParty");
      if (lor.thirdPartyInvolvement && !filled(lor.thirdPartyDetails)) return only("thirdPartyDetails");
      return none;
    },
  },
  {
    key: "soleSource",
    label: "Sole-source request stated",
    mandatory: true,
    check: (lor) => {
      if (lor.soleSourceRequested === null || lor.soleSourceRequested === undefined) return only("soleSource");
      if (lor.soleSourceRequested) {
        return { problems: [...unless(filled(lor.soleSourceContractor), "soleSourceContractor"), ...unless(filled(lor.soleSourceJustification), "soleSourceJustification")] };
      }
      return none;
    },
  },
  {
    key: "pointOfContact",
    label: "Point of contact",
    mandatory: true,
    check: (lor) => {
      const contacts = lor.pointsOfContact ?? [];
      if (contacts.length === 0) return only("noContact");
      return { problems: contacts.flatMap((c, index) => (filled(c.name) && filled(c.email) ? [] : [problem("contactGaps", { item: index + 1 })])) };
    },
  },
  {
    key: "signatory",
    label: "Authorized signatory",
    mandatory: true,
    check: (lor) => ({
      problems: [
        ...unless(filled(lor.signatoryName), "signatoryName"),
        ...unless(filled(lor.signatoryTitle), "signatoryTitle"),
        ...unless(filled(lor.signatoryAuthority), "signatoryAuthority"),
      ],
    }),
  },
  {
    key: "preferredAgency",
    label: "Preferred implementing agency",
    mandatory: false,
    check: (lor) => ({ problems: unless(filled(lor.preferredAgencyCode), "preferredAgency") }),
  },
  {
    key: "training",
    label: "Training needs",
    mandatory: false,
    check: (lor) => ({ problems: unless(filled(lor.trainingNeeds), "training") }),
  },
  {
    key: "logistics",
    label: "Logistics support needs",
    mandatory: false,
    check: (lor) => ({ problems: unless(filled(lor.logisticsNeeds), "logistics") }),
  },
  {
    key: "transportation",
    label: "Transportation preference",
    mandatory: false,
    check: (lor) => ({ problems: unless(filled(lor.transportationNeeds), "transportation") }),
  },
  {
    key: "signedLetter",
    label: "Signed letter attached",
    mandatory: false,
    check: (lor) => ({ problems: unless((lor.attachmentKinds ?? []).includes("SIGNED_LETTER"), "signedLetter") }),
  },
];

export const CHECKLIST_KEYS = CHECKLIST.map((c) => c.key);
export const MANDATORY_CRITERIA_COUNT = CHECKLIST.filter((c) => c.mandatory).length;
export const checklistLabel = (key: string) => CHECKLIST.find((c) => c.key === key)?.label ?? key;

/** Scores a letter against the checklist. `today` is the ISO date (YYYY-MM-DD) the delivery date is compared with. */
/** A validator's return of the letter, while the letter is unchanged since: the items they found insufficient. */
export interface ValidatorReturn {
  criteria: readonly string[];
  reasons: string;
}

/**
 * The checklist of a letter. Items a validator returned the letter for count as not met, with the validator's reasons,
 * until the partner changes the letter: the score must not claim what the reviewer rejected.
 */
export function evaluateChecklist(lor: ChecklistInput, today: string, returned: ValidatorReturn | null = null): ChecklistResult {
  const criteria = CHECKLIST.map((criterion): CriterionResult => {
    const verdict = criterion.check(lor, today);
    const applicable = verdict.applicable ?? true;
    const rejected = applicable && returned !== null && returned.criteria.includes(criterion.key);
    const problems = rejected ? [problem("validatorFound", { reasons: returned.reasons })] : applicable ? verdict.problems : [];
    return {
      key: criterion.key,
      label: criterion.label,
      mandatory: criterion.mandatory,
      applicable,
      met: applicable && verdict.problems.length === 0 && !rejected,
      problem: listProblems(problems),
      problems,
    };
  });
  const applicable = criteria.filter((c) => c.applicable);
  const met = applicable.filter((c) => c.met).length;
  const missing = applicable.filter((c) => c.mandatory && !c.met);
  return {
    criteria,
    score: applicable.length === 0 ? 0 : Math.floor((met * 100) / applicable.length),
    ready: missing.length === 0,
    missing,
  };
}
