"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { isNotificationKind } from "@/domain/notifications/kinds";
import { LocalTime } from "@/components/ui/local-time";
import type { WebhookDeliveryView } from "@/domain/schemas/webhooks";
import type { ActionState } from "@/server/action-result";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

function RedeliverButton({ webhookId, delivery, action, disabled }: { webhookId: string; delivery: WebhookDeliveryView; action: Action; disabled: boolean }) {
  const t = useTranslations("WebhooksDeliveries");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { status: "idle" });
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={webhookId} />
      <input type="hidden" name="deliveryId" value={delivery.id} />
      <button type="submit" disabled={pending || disabled} className="text-primary underline hover:text-primary-dark disabled:opacity-60">
        {t.rich("redeliver", { event: delivery.eventId, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
      </button>
      {state.status !== "idle" && (
        <p role="status" className={`text-xs ${state.status === "error" ? "text-error-dark" : "text-success-dark"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}

export function DeliveryLog({
  webhookId,
  deliveries,
  total,
  active,
  action,
}: {
  webhookId: string;
  deliveries: WebhookDeliveryView[];
  total: number;
  active: boolean;
  action: Action;
}) {
  const t = useTranslations("WebhooksDeliveries");
  const kinds = useTranslations("NoticesKinds");
  return (
    <section aria-labelledby="deliveries-heading" className="mb-8">
      <h2 id="deliveries-heading" className="mb-3 text-xl font-bold">
        {t("heading")}
      </h2>
      <DataTable
        caption={t("caption")}
        columns={[t("columnEvent"), t("columnStatus"), t("columnResponse"), t("columnAttempts"), t("columnQueued"), t("columnLastChange"), ""]}
        count={total}
        noun={[t("nounOne"), t("nounMany")]}
        emptyMessage={t("empty")}
        testId="webhook-deliveries"
      >
        {deliveries.map((delivery) => (
          <tr key={delivery.id} className="border-t border-base-lighter align-top">
            <td className="px-3 py-2">
              {isNotificationKind(delivery.kind) ? kinds(`kind.${delivery.kind}`) : delivery.kind}
              <span className="block text-xs text-base-dark">{t("eventId", { id: delivery.eventId, kind: delivery.kind })}</span>
            </td>
            <td className="px-3 py-2">
              {t(`status.${delivery.status}`)}
              {delivery.lastError && <span className="block text-xs text-base-dark">{delivery.lastError}</span>}
            </td>
            <td className="px-3 py-2">{delivery.lastStatusCode ?? "—"}</td>
            <td className="px-3 py-2">{delivery.attempts}</td>
            <td className="px-3 py-2">
              <LocalTime value={delivery.createdAt} />
            </td>
            <td className="px-3 py-2">
              <LocalTime value={delivery.updatedAt} />
            </td>
            <td className="px-3 py-2">
              <RedeliverButton webhookId={webhookId} delivery={delivery} action={action} disabled={!active} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
