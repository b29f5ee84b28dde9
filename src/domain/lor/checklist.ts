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

type Verdict = { applicable?: boolean; problem: string | null };
interface Criterion {
  key: string;
  label: string;
  mandatory: boolean;
  check: (lor: ChecklistInput, today: string) => Verdict;
}

const filled = (value: string | null | undefined) => typeof value === "string" && value.trim().length > 0;
const itemList = (lor: ChecklistInput) => lor.items ?? [];
const isBlanket = (lor: ChecklistInput) => lor.loaType === "BLANKET_ORDER";
const ordinal = (index: number) => `item ${index + 1}`;

function listProblems(problems: string[]): string | null {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, 3).join("; ");
  const text = problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const CHECKLIST: readonly Criterion[] = [
  {
    key: "reference",
    label: "Reference number and subject",
    mandatory: true,
    check: (lor) => ({
      problem: listProblems([
        ...(filled(lor.originatorReference) ? [] : ["Give your own reference number, such as the letter's serial number"]),
        ...(filled(lor.subject) ? [] : ["Give the letter a subject"]),
      ]),
    }),
  },
  {
    key: "originator",
    label: "Originating office and address",
    mandatory: true,
    check: (lor) => ({
      problem: listProblems([
        ...(filled(lor.originatorName) ? [] : ["Name the office sending the request"]),
        ...(filled(lor.originatorAddress) ? [] : ["Give the office's address"]),
      ]),
    }),
  },
  {
    key: "requestType",
    label: "Type of request",
    mandatory: true,
    check: (lor) => ({ problem: lor.requestType ? null : "Say whether you want P&A data, an LOA, an amendment or a modification" }),
  },
  {
    key: "caseReference",
    label: "Existing case identified",
    mandatory: true,
    check: (lor) =>
      requestRefersToCase(lor.requestType)
        ? { problem: filled(lor.relatedCaseIdentifier) ? null : "Name the existing case to change, like BN-B-ZAA" }
        : { applicable: false, problem: null },
  },
  {
    key: "loaType",
    label: "Desired type of LOA",
    mandatory: true,
    check: (lor) => ({ problem: lor.loaType ? null : "Choose defined line, blanket order or CLSSA" }),
  },
  {
    key: "items",
    label: "Articles and services requested",
    mandatory: true,
    check: (lor) => {
      if (isBlanket(lor)) {
        return {
          problem: listProblems([
            ...(filled(lor.blanketValue) ? [] : ["Give the dollar value requested for the blanket order"]),
            ...(filled(lor.blanketCategory) ? [] : ["Name the category of items or services"]),
          ]),
        };
      }
      const items = itemList(lor);
      if (items.length === 0) return { problem: "List at least one item or service" };
      const problems: string[] = [];
      items.forEach((item, index) => {
        const gaps = [
          ...(filled(item.nomenclature) ? [] : ["nomenclature"]),
          ...(item.quantity ? [] : ["quantity"]),
          ...(item.unitOfIssue ? [] : ["unit of issue"]),
        ];
        if (gaps.length) problems.push(`${ordinal(index)} needs ${gaps.join(", ")}`);
      });
      return { problem: listProblems(problems) };
    },
  },
  {
    key: "configuration",
    label: "Enough detail to estimate cost",
    mandatory: true,
    check: (lor) => {
      if (isBlanket(lor)) return { applicable: false, problem: null };
      const items = itemList(lor);
      if (items.length === 0) return { problem: "Describe each item's configuration once you list it" };
      const problems = items.flatMap((item, index) =>
        (item.description ?? "").trim().length >= MIN_CONFIGURATION_LENGTH
          ? []
          : [`describe the configuration of ${ordinal(index)} (at least ${MIN_CONFIGURATION_LENGTH} characters)`],
      );
      return { problem: listProblems(problems) };
    },
  },
  {
    key: "financing",
    label: "Proposed financing",
    mandatory: true,
    check: (lor) => {
      if (!lor.financing) return { problem: "Say how you propose to pay: national funds, FMF or both" };
      if (lor.financing === "MIXED" && !filled(lor.financingNotes)) return { problem: "Explain how national funds and FMF are split" };
      return { problem: null };
    },
  },
  {
    key: "delivery",
    label: "Requested delivery timeframe",
    mandatory: true,
    check: (lor, today) => {
      if (!filled(lor.requestedDeliveryBy)) return { problem: "Give the date you need delivery by" };
      if ((lor.requestedDeliveryBy ?? "") <= today) return { problem: "The requested delivery date must be in the future" };
      return { problem: null };
    },
  },
  {
    key: "thirdParty",
    label: "Third-party involvement stated",
    mandatory: true,
    check: (lor) => {
      if (lor.thirdPartyInvolvement === null || lor.thirdPartyInvolvement === undefined) {
        return { problem: "Say whether anyone other than your government's officers or employees takes part" };
      }
      if (lor.thirdPartyInvolvement && !filled(lor.thirdPartyDetails)) return { problem: "Describe the third parties and their role" };
      return { problem: null };
    },
  },
  {
    key: "soleSource",
    label: "Sole-source request stated",
    mandatory: true,
    check: (lor) => {
      if (lor.soleSourceRequested === null || lor.soleSourceRequested === undefined) {
        return { problem: "Say whether you ask for a specific contractor" };
      }
      if (lor.soleSourceRequested) {
        return {
          problem: listProblems([
            ...(filled(lor.soleSourceContractor) ? [] : ["Name the contractor you request"]),
            ...(filled(lor.soleSourceJustification) ? [] : ["Justify the sole-source request"]),
          ]),
        };
      }
      return { problem: null };
    },
  },
  {
    key: "pointOfContact",
    label: "Point of contact",
    mandatory: true,
    check: (lor) => {
      const contacts = lor.pointsOfContact ?? [];
      if (contacts.length === 0) return { problem: "Give at least one point of contact with a name and email" };
      const problems = contacts.flatMap((c, index) =>
        filled(c.name) && filled(c.email) ? [] : [`contact ${index + 1} needs a name and an email`],
      );
      return { problem: listProblems(problems) };
    },
  },
  {
    key: "signatory",
    label: "Authorized signatory",
    mandatory: true,
    check: (lor) => ({
      problem: listProblems([
        ...(filled(lor.signatoryName) ? [] : ["Name the official who signs the request"]),
        ...(filled(lor.signatoryTitle) ? [] : ["Give the signatory's title"]),
        ...(filled(lor.signatoryAuthority) ? [] : ["State the signatory's authority to request on behalf of your government"]),
      ]),
    }),
  },
  {
    key: "preferredAgency",
    label: "Preferred implementing agency",
    mandatory: false,
    check: (lor) => ({ problem: filled(lor.preferredAgencyCode) ? null : "Suggest an implementing agency if you have a preference" }),
  },
  {
    key: "training",
    label: "Training needs",
    mandatory: false,
    check: (lor) => ({ problem: filled(lor.trainingNeeds) ? null : "Describe training needs, or write 'None'" }),
  },
  {
    key: "logistics",
    label: "Logistics support needs",
    mandatory: false,
    check: (lor) => ({ problem: filled(lor.logisticsNeeds) ? null : "Describe spares, maintenance and support needs, or write 'None'" }),
  },
  {
    key: "transportation",
    label: "Transportation preference",
    mandatory: false,
    check: (lor) => ({ problem: filled(lor.transportationNeeds) ? null : "Say how you prefer delivery to be shipped" }),
  },
  {
    key: "signedLetter",
    label: "Signed letter attached",
    mandatory: false,
    check: (lor) => ({
      problem: (lor.attachmentKinds ?? []).includes("SIGNED_LETTER") ? null : "Attach the signed letter as a PDF or image",
    }),
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
    return {
      key: criterion.key,
      label: criterion.label,
      mandatory: criterion.mandatory,
      applicable,
      met: applicable && verdict.problem === null && !rejected,
      problem: rejected ? `The validator found this insufficient: ${returned.reasons}` : applicable ? verdict.problem : null,
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
