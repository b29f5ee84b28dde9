// Actors for policy tests, built the way sessions build them (actorFromUser), with each role in the first kind of
// organization the domain allows for it.
import { actorFromUser, type Actor } from "@/domain/policy";
import { ROLE_ORGANIZATION_KINDS, type Role } from "@/domain/roles";

export const TEST_ACTOR_ID = "33333333-3333-4333-8333-333333333333";

export function testActor(role: Role, organizationId: string, overrides: Partial<Actor> = {}): Actor {
  return {
    ...actorFromUser({
      id: TEST_ACTOR_ID,
      email: `${role.toLowerCase()}@test.example`,
      name: `Test ${role}`,
      role,
      organizationId,
      organization: { kind: ROLE_ORGANIZATION_KINDS[role][0]!, name: "Own organization", code: "SR" },
    }),
    ...overrides,
  };
}
