"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { addLorAttachment } from "@/server/lors/add-lor-attachment";
import { createLor } from "@/server/lors/create-lor";
import { LOR_ACTION_USE_CASES } from "@/server/lors/lor-actions";
import { fileFromForm } from "@/server/lors/read-upload";
import { removeLorAttachment } from "@/server/lors/remove-lor-attachment";
import { submitLor } from "@/server/lors/submit-lor";
import { updateLor } from "@/server/lors/update-lor";
import { requestContext } from "@/server/request-context";

function payloadOf(form: FormData, unreadable: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(String(form.get("payload") ?? "{}"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError("BAD_REQUEST", unreadable);
}

/** Saves the draft (creating it the first time) and, for "Save and submit", submits it. */
export async function saveLorAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let destination: string | undefined;
  const t = await getTranslations("LorServer");
  const result = await runAction(async () => {
    const actor = await requireActor();
    const context = await requestContext();
    const payload = payloadOf(form, t("formUnreadable"));
    const lorId = String(form.get("lorId") ?? "");
    const saved = lorId
      ? await updateLor(actor, lorId, { ...payload, expectedVersion: Number(form.get("expectedVersion")) }, context)
      : await createLor(actor, payload, context);
    revalidatePath("/lors");
    if (form.get("intent") === "submit") {
      try {
        await submitLor(actor, saved.id, { expectedVersion: saved.version }, context);
        destination = `/lors/${saved.id}?notice=submitted`;
      } catch (error) {
        // The draft is safe; the letter page lists what is still missing.
        if (error instanceof AppError && error.code === "VALIDATION_FAILED") destination = `/lors/${saved.id}?notice=not-submitted`;
        else throw error;
      }
    } else {
      destination = `/lors/${saved.id}/edit?notice=saved`;
    }
    return { message: t("saved") };
  });
  if (destination) redirect(destination);
  return result;
}

const listOf = (form: FormData, name: string) => form.getAll(name).map(String);

/** One door for the status-changing buttons on the letter page; the form names the action. */
export async function lorActionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const lorId = values.lorId ?? "";
  const name = values.action ?? "";
  const t = await getTranslations("LorServer");
  const result = await runAction(async () => {
    const actor = await requireActor();
    const useCase = Object.hasOwn(LOR_ACTION_USE_CASES, name) ? LOR_ACTION_USE_CASES[name] : undefined;
    if (!useCase) throw new AppError("BAD_REQUEST", t("unknownAction"));
    const input: Record<string, unknown> = { expectedVersion: Number(values.expectedVersion) };
    for (const key of ["reason", "reasons", "comment", "implementingAgencyCode", "estimatedValue", "availability", "notes"]) {
      if (values[key] !== undefined) input[key] = values[key];
    }
    if (name === "mark-insufficient") input.criteria = listOf(form, "criteria");
    await useCase(actor, lorId, input, await requestContext());
    revalidatePath("/lors");
    revalidatePath(`/lors/${lorId}`);
    return { message: t("done") };
  });
  if (result.status === "ok") redirect(`/lors/${lorId}?notice=${encodeURIComponent(name)}`);
  return result;
}

export async function uploadAttachmentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const lorId = String(form.get("lorId") ?? "");
  const t = await getTranslations("LorServer");
  const result = await runAction(async () => {
    const actor = await requireActor();
    const { meta, file } = await fileFromForm(form);
    const added = await addLorAttachment(actor, lorId, meta, file, await requestContext());
    return { message: t("attached", { fileName: added.fileName }) };
  });
  if (result.status === "ok") {
    revalidatePath(`/lors/${lorId}`);
    redirect(`/lors/${lorId}?notice=attached#attachments`);
  }
  return result;
}

export async function removeAttachmentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const lorId = String(form.get("lorId") ?? "");
  const t = await getTranslations("LorServer");
  const result = await runAction(async () => {
    const actor = await requireActor();
    await removeLorAttachment(actor, lorId, String(form.get("attachmentId") ?? ""), await requestContext());
    return { message: t("removed") };
  });
  if (result.status === "ok") {
    revalidatePath(`/lors/${lorId}`);
    redirect(`/lors/${lorId}?notice=removed#attachments`);
  }
  return result;
}
