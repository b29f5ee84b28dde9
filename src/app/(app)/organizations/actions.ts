"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
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
    const t = await getTranslations("OrgConfirm");
    return { message: t("confirmed", { code: organization.code }) };
  });
}
