"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { requestContext } from "@/server/request-context";
import { addSdrAttachments } from "@/server/sdr/add-sdr-attachments";
import { addSdrComment } from "@/server/sdr/add-sdr-comment";
import { decideSdr } from "@/server/sdr/decide-sdr";
import { fileSdr } from "@/server/sdr/file-sdr";
import { filesFromForm } from "@/server/sdr/read-sdr-upload";
import { acceptSdrDecision } from "@/server/sdr/accept-sdr-decision";
import { requestSdrReconsideration } from "@/server/sdr/request-sdr-reconsideration";

// The SDR pages' forms. Each sends only the fields its use case takes (the schemas refuse anything else, as the API
// does), and on success goes to the report with a notice.

const reportPath = (caseId: string, number: number | string) => `/cases/${caseId}/sdrs/${number}`;

function refresh(caseId: string) {
  revalidatePath(`/cases/${caseId}`);
  revalidatePath("/tasks");
}

export async function fileSdrAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const t = await getTranslations("SdrActions");
  let number: number | undefined;
  const result = await runAction(async () => {
    const actor = await requireActor();
    const filed = await fileSdr(
      actor,
      caseId,
      {
        shipmentId: values.shipmentId ?? "",
        type: values.type || undefined,
        quantityAffected: values.quantityAffected ?? "",
        valueAffected: values.valueAffected ?? "",
        informationOnly: values.informationOnly === "true",
        description: values.description ?? "",
      },
      await filesFromForm(form),
      await requestContext(),
    );
    number = filed.number;
    refresh(caseId);
    return { message: t("filed", { reference: filed.reference }) };
  });
  if (result.status === "ok" && number !== undefined) redirect(`${reportPath(caseId, number)}?notice=filed`);
  return result;
}

export async function decideSdrAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const t = await getTranslations("SdrActions");
  const result = await runAction(async () => {
    const actor = await requireActor();
    await decideSdr(
      actor,
      caseId,
      values.number ?? "",
      {
        expectedVersion: Number(values.expectedVersion),
        decision: values.decision || undefined,
        creditAmount: values.decision === "CREDIT" ? (values.creditAmount ?? "") : "",
        reason: values.reason ?? "",
      },
      await requestContext(),
    );
    refresh(caseId);
    return { message: t("decided") };
  });
  if (result.status === "ok") redirect(`${reportPath(caseId, values.number ?? "")}?notice=decided`);
  return result;
}

export async function acceptSdrDecisionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const t = await getTranslations("SdrActions");
  const result = await runAction(async () => {
    const actor = await requireActor();
    await acceptSdrDecision(actor, caseId, values.number ?? "", { expectedVersion: Number(values.expectedVersion) }, await requestContext());
    refresh(caseId);
    return { message: t("accepted") };
  });
  if (result.status === "ok") redirect(`${reportPath(caseId, values.number ?? "")}?notice=accepted`);
  return result;
}

export async function reconsiderSdrAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const t = await getTranslations("SdrActions");
  const result = await runAction(async () => {
    const actor = await requireActor();
    await requestSdrReconsideration(
      actor,
      caseId,
      values.number ?? "",
      { expectedVersion: Number(values.expectedVersion), reason: values.reason ?? "" },
      await requestContext(),
    );
    refresh(caseId);
    return { message: t("reconsideration") };
  });
  if (result.status === "ok") redirect(`${reportPath(caseId, values.number ?? "")}?notice=reconsideration`);
  return result;
}

export async function commentSdrAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const t = await getTranslations("SdrActions");
  const result = await runAction(async () => {
    const actor = await requireActor();
    await addSdrComment(
      actor,
      caseId,
      values.number ?? "",
      { text: values.text ?? "", ...(values.visibility ? { visibility: values.visibility } : {}) },
      await requestContext(),
    );
    refresh(caseId);
    return { message: t("comment") };
  });
  if (result.status === "ok") redirect(`${reportPath(caseId, values.number ?? "")}?notice=comment#comments`);
  return result;
}

export async function attachSdrAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const t = await getTranslations("SdrActions");
  const result = await runAction(async () => {
    const actor = await requireActor();
    await addSdrAttachments(actor, caseId, values.number ?? "", await filesFromForm(form), await requestContext());
    refresh(caseId);
    return { message: t("attached") };
  });
  if (result.status === "ok") redirect(`${reportPath(caseId, values.number ?? "")}?notice=attached#attachments`);
  return result;
}
