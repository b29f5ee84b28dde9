import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/live/live-refresh";
import { NOTICE_GROUP_KEYS } from "@/components/notifications/kind-keys";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { FilterCheckbox, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { NOTIFICATION_GROUPS } from "@/domain/notifications/kinds";
import { requireActor } from "@/server/auth/actor";
import { listNotifications } from "@/server/notifications/list-notifications";
import { forFilteredPage } from "@/server/page-guard";
import { markAllReadAction, markReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NoticesPage");
  return { title: t("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const [t, kinds] = await Promise.all([getTranslations("NoticesPage"), getTranslations("NoticesKinds")]);
  const { result, problem } = await forFilteredPage(() => listNotifications(actor, params));
  return (
    <div>
      <LiveRefresh />
      <PageHeader
        title={t("title")}
        lead={t("lead")}
      />
      <FilterForm label={t("filterLabel")} submitLabel={t("show")}>
        <FilterSelect name="group" label={t("kind")} defaultValue={params.group ?? ""}>
          <option value="">{t("allKinds")}</option>
          {NOTIFICATION_GROUPS.map((group) => (
            <option key={group} value={group}>
              {kinds(`group.${NOTICE_GROUP_KEYS[group]}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterCheckbox name="unread" label={t("unreadOnly")} checked={params.unread === "true"} />
      </FilterForm>
      {problem && (
        <Alert type="error" title={t("filterProblem")}>
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
