import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { WebhookView } from "@/domain/schemas/webhooks";

export function WebhookList({ items }: { items: WebhookView[] }) {
  return (
    <DataTable
      caption="Webhook subscriptions"
      columns={["Address", "Events", "Status", "Failures in a row", "Added"]}
      count={items.length}
      noun={["webhook", "webhooks"]}
      emptyMessage="No webhooks yet. Add one to have your system told of events as they happen."
      testId="webhooks"
    >
      {items.map((webhook) => (
        <tr key={webhook.id} className="border-t border-base-lighter">
          <td className="px-3 py-2 break-all">
            <Link href={`/webhooks/${webhook.id}`}>{webhook.url}</Link>
          </td>
          <td className="px-3 py-2">{webhook.kinds.length === 0 ? "All events" : `${webhook.kinds.length} kinds`}</td>
          <td className="px-3 py-2">{webhook.active ? "On" : "Off"}</td>
          <td className="px-3 py-2">{webhook.consecutiveFailures}</td>
          <td className="px-3 py-2">
            <LocalTime value={webhook.createdAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
