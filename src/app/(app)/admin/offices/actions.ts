"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { assignOfficeAccountable } from "@/server/offices/assign-office-accountable";
import { officeNameFor } from "@/components/insight/office-name";
import { requestContext } from "@/server/request-context";

export async function assignOfficeAccountableAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const values = formObject(form);
    const office = await assignOfficeAccountable(actor, values.office ?? "", { userId: values.userId }, await requestContext());
    revalidatePath("/admin/offices");
    const t = await getTranslations("AdminOfficeActions");
    const tOffice = await getTranslations("InsightOffice");
    return { message: t("assigned", { name: office.accountable?.name ?? "", office: officeNameFor(tOffice, office.office, office.officeName) }) };
  });
}
