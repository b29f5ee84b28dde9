import type { Actor } from "@/domain/policy";
import { ROLE_LABELS } from "@/domain/roles";

/** The caller as the API and profile page describe them. */
export function describeActor(actor: Actor) {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    organization: { id: actor.organizationId, name: actor.organizationName, kind: actor.organizationKind },
    countryCode: actor.countryCode,
    authenticatedWith: actor.tokenId ? "api_token" : "session",
  };
}
