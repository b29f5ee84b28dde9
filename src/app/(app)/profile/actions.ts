"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { requestContext } from "@/server/request-context";
import { revokeOwnSigningKey } from "@/server/signatures/own-signing-keys";
import { rotateOwnSigningKey } from "@/server/signatures/rotate-own-signing-key";
import { createApiToken } from "@/server/tokens/create-api-token";
import { revokeApiToken } from "@/server/tokens/revoke-api-token";

export async function createTokenAction(_previous: ActionState<{ secret: string; name: string }>, form: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const token = await createApiToken(actor, formObject(form), await requestContext());
    revalidatePath("/profile");
    const t = await getTranslations("Profile");
    return { message: t("tokenCreatedMessage", { name: token.name }), data: { secret: token.secret, name: token.name } };
  });
}

export async function revokeTokenAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const token = await revokeApiToken(actor, String(form.get("tokenId") ?? ""), await requestContext());
    revalidatePath("/profile");
    const t = await getTranslations("Profile");
    return { message: t("tokenRevokedMessage", { name: token.name }) };
  });
}

export async function rotateSigningKeyAction(_previous: ActionState, _form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const key = await rotateOwnSigningKey(actor, await requestContext());
    revalidatePath("/profile");
    const t = await getTranslations("Profile");
    return { message: t("keyRotated", { kid: key.kid }) };
  });
}

export async function revokeSigningKeyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const key = await revokeOwnSigningKey(actor, formObject(form), await requestContext());
    revalidatePath("/profile");
    const t = await getTranslations("Profile");
    return { message: t("keyRevoked", { kid: key.kid }) };
  });
}
