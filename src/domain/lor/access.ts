import { can, type Actor, type PolicyAction, type PolicySubject } from "../policy";
import type { LorRequestType, LorStatus } from "./codes";
import { LOR_ACTIONS, canTransition, type LorAction } from "./workflow";

// Who may take a letter-of-request action is the policy table; when it may be taken is the state table. This joins the
// two, so the use cases, the API's `availableActions` and the page's buttons all ask the same question.

/** The facts about a letter that authorization needs. */
export interface LorAccessFacts {
  countryId: string;
  /** Submitted at least once (U.S. Government staff never see an unsent draft). */
  submitted: boolean;
  routedAgencyId: string | null;
  status: LorStatus;
  requestType: LorRequestType | null;
}

/** The policy rule behind each action. */
export const LOR_ACTION_PERMISSIONS: Record<LorAction, PolicyAction> = {
  edit: "editLor",
  submit: "submitLor",
  withdraw: "withdrawLor",
  acknowledge: "validateLor",
  markInsufficient: "validateLor",
  markActionable: "validateLor",
  markComplete: "validateLor",
  respondPriceAndAvailability: "validateLor",
  disapprove: "disapproveLor",
};

export function lorPolicySubject(facts: Pick<LorAccessFacts, "countryId" | "submitted" | "routedAgencyId">): PolicySubject {
  return { organizationId: facts.countryId, submitted: facts.submitted, agencyId: facts.routedAgencyId };
}

/** The actions this actor may take on the letter now. */
export function availableLorActions(actor: Actor, facts: LorAccessFacts): LorAction[] {
  const subject = lorPolicySubject(facts);
  return LOR_ACTIONS.filter(
    (action) => can(actor, LOR_ACTION_PERMISSIONS[action], subject) && canTransition(facts.status, action, facts.requestType),
  );
}
