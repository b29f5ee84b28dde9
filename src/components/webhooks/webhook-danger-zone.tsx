"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { WebhookView } from "@/domain/schemas/webhooks";
import type { ActionState } from "@/server/action-result";
import { SecretOnce } from "./secret-once";

type Rotated = { id: string; secret: string };

export function WebhookDangerZone({
  webhook,
  rotate,
  remove,
}: {
  webhook: WebhookView;
  rotate: (previous: ActionState<Rotated>, form: FormData) => Promise<ActionState<Rotated>>;
  remove: (previous: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("WebhooksDanger");
  const [rotated, rotateAction, rotating] = useActionState<ActionState<Rotated>, FormData>(rotate, { status: "idle" });
  const [removed, removeAction, removing] = useActionState<ActionState, FormData>(remove, { status: "idle" });
  return (
    <section aria-labelledby="secret-heading" className="mb-8 max-w-3xl">
      <h2 id="secret-heading" className="mb-3 text-xl font-bold">
        {t("heading")}
      </h2>
      {rotated.status === "ok" && rotated.data && <SecretOnce secret={rotated.data.secret} message={rotated.message} />}
      <form action={rotateAction} className="mb-4">
        <FormProblem state={rotated} title={t("rotateProblem")} />
        <input type="hidden" name="id" value={webhook.id} />
        <input type="hidden" name="expectedVersion" value={webhook.version} />
        <p className="mb-2 text-sm">{t("rotateHint")}</p>
        <Button type="submit" variant="secondary" disabled={rotating}>
          {t("rotate")}
        </Button>
      </form>
      <form action={removeAction}>
        <FormProblem state={removed} title={t("removeProblem")} />
        <input type="hidden" name="id" value={webhook.id} />
        <p className="mb-2 text-sm">{t("removeHint")}</p>
        <Button type="submit" variant="danger" disabled={removing}>
          {t("remove")}
        </Button>
      </form>
    </section>
  );
}
