import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { WebhookView } from "@/domain/schemas/webhooks";

export function WebhookList({ items }: { items: WebhookView[] }) {
  const t = useTranslations("WebhooksList");
  return (
    <DataTable
      caption={t("caption")}
      columns={[t("columnAddress"), t("columnEvents"), t("columnStatus"), t("columnFailures"), t("columnAdded")]}
      count={items.length}
      noun={[t("nounOne"), t("nounMany")]}
      emptyMessage={t("empty")}
      testId="webhooks"
    >
      {items.map((webhook) => (
        <tr key={webhook.id} className="border-t border-base-lighter">
          <td className="px-3 py-2 break-all">
            <Link href={`/webhooks/${webhook.id}`}>{webhook.url}</Link>
          </td>
          <td className="px-3 py-2">{webhook.kinds.length === 0 ? t("allEvents") : t("kinds", { count: webhook.kinds.length })}</td>
          <td className="px-3 py-2">{webhook.active ? t("on") : t("off")}</td>
          <td className="px-3 py-2">{webhook.consecutiveFailures}</td>
          <td className="px-3 py-2">
            <LocalTime value={webhook.createdAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
