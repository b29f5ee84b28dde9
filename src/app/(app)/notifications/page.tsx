import type { Metadata } from "next";
import { LiveRefresh } from "@/components/live/live-refresh";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { FilterCheckbox, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { NOTIFICATION_GROUPS } from "@/domain/notifications/kinds";
import { requireActor } from "@/server/auth/actor";
import { listNotifications } from "@/server/notifications/list-notifications";
import { forFilteredPage } from "@/server/page-guard";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result, problem } = await forFilteredPage(() => listNotifications(actor, params));
  return (
    <div>
      <LiveRefresh />
      <PageHeader
        title="Notifications"
        lead="What happened on the records you work on, newest first. New ones appear here without reloading. Choose which ones also reach you by e-mail in your profile."
      />
      <FilterForm label="Filter notifications" submitLabel="Show">
        <FilterSelect name="group" label="Kind" defaultValue={params.group ?? ""}>
          <option value="">All kinds</option>
          {NOTIFICATION_GROUPS.map((group) => (
            <option key={group} value={group}>
              {group}
            </option>
          ))}
        </FilterSelect>
        <FilterCheckbox name="unread" label="Unread only" checked={params.unread === "true"} />
      </FilterForm>
      {problem && (
        <Alert type="error" title="Those filters did not work">
          {Object.values(problem).join(" ")}
        </Alert>
      )}
      {result && (
        <NotificationList
          page={result}
          markAllRead={markAllReadAction}
          markRead={markReadAction}
          olderHref={result.nextBefore ? `/notifications?${new URLSearchParams({ ...params, before: result.nextBefore }).toString()}` : null}
          newestHref={params.before ? `/notifications?${new URLSearchParams(Object.entries(params).filter(([key]) => key !== "before")).toString()}` : null}
        />
      )}
    </div>
  );
}
