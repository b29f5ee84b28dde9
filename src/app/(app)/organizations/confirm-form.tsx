"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/server/action-result";
import { confirmOrganizationAction } from "./actions";

export function ConfirmOrganizationForm({ organizationId, version }: { organizationId: string; version: number }) {
  const t = useTranslations("OrgConfirm");
  const [state, action, pending] = useActionState<ActionState, FormData>(confirmOrganizationAction, { status: "idle" });
  return (
    <form action={action}>
      <FormProblem state={state} title={t("problem")} testId="confirm-error" />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Button type="submit" disabled={pending}>
        {t("confirm")}
      </Button>
    </form>
  );
}
