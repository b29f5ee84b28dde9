import "server-only";
import type { Actor } from "@/domain/policy";
import type { RequestContext } from "../request-context";
import { acknowledgeLor } from "./acknowledge-lor";
import { disapproveLor } from "./disapprove-lor";
import { markLorActionable } from "./mark-lor-actionable";
import { markLorComplete } from "./mark-lor-complete";
import { markLorInsufficient } from "./mark-lor-insufficient";
import { respondPriceAndAvailability } from "./respond-price-and-availability";
import { submitLor } from "./submit-lor";
import { withdrawLor } from "./withdraw-lor";

type LorActionUseCase = (actor: Actor, lorId: string, input: unknown, context: RequestContext) => Promise<unknown>;

/** The status-changing actions by their URL name (POST /api/v1/lors/{id}/{action}). */
export const LOR_ACTION_USE_CASES: Record<string, LorActionUseCase> = {
  submit: submitLor,
  withdraw: withdrawLor,
  acknowledge: acknowledgeLor,
  "mark-insufficient": markLorInsufficient,
  "mark-actionable": markLorActionable,
  "mark-complete": markLorComplete,
  disapprove: disapproveLor,
  "respond-pa": respondPriceAndAvailability,
};
