"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { confirmOrganization } from "@/server/organizations/confirm-organization";
import { requestContext } from "@/server/request-context";

export async function confirmOrganizationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const id = String(form.get("organizationId") ?? "");
    const organization = await confirmOrganization(
      actor,
      id,
      { expectedVersion: Number(form.get("expectedVersion")) },
      await requestContext(),
    );
    revalidatePath(`/organizations/${id}`);
    return { message: `${organization.code} is now marked as confirmed against SAMM` };
  });
}
