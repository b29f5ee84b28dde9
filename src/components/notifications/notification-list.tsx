import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { localeOf } from "@/i18n/config";
import { wordNoticeTitle } from "@/i18n/notice-titles";
import type { NotificationPage } from "@/domain/schemas/notifications";
import { Button } from "../ui/button";
import { NOTICE_GROUP_KEYS } from "./kind-keys";
import { LocalTime } from "../ui/local-time";

/**
 * The person's notices: unread ones marked and first to the eye, each a link to its record (following it marks it
 * read), with "Mark as read" for those they don't need to open. Actions are the route's server actions, passed in.
 */
export function NotificationList({
  page,
  markAllRead,
  markRead,
  olderHref,
  newestHref,
}: {
  page: NotificationPage;
  markAllRead: () => Promise<void>;
  markRead: (formData: FormData) => Promise<void>;
  olderHref: string | null;
  newestHref: string | null;
}) {
  const t = useTranslations("NoticesList");
  const kinds = useTranslations("NoticesKinds");
  const events = useTranslations("CaseEvents");
  const steps = useTranslations("ExecEvents");
  const opened = useTranslations("CaseOpened");
  const phrases = { CaseEvents: events, ExecEvents: steps, CaseOpened: opened };
  const english = localeOf(useLocale()) === "en";
  const titleOf = (title: string) =>
    english
      ? title
      : wordNoticeTitle(title, {
          phrase: ({ namespace, key }) => phrases[namespace](key as never),
          subjectLine: (subject, what) => t("subjectLine", { subject, what }),
          actionNeeded: (line) => t("actionNeeded", { line }),
        });
  return (
    <section aria-labelledby="notices-heading" className="mt-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="notices-heading" className="text-xl font-bold">
          {page.unreadCount === 0 ? t("nothingUnread") : t("unread", { count: page.unreadCount >= 100 ? "99+" : String(page.unreadCount) })}
        </h2>
        {page.unreadCount > 0 && (
          <form action={markAllRead}>
            <Button variant="secondary" type="submit">
              {t("markAllRead")}
            </Button>
          </form>
        )}
      </div>
      {page.notifications.length === 0 ? (
        <p className="rounded border border-base-lighter bg-white p-4" data-testid="no-notifications">
          {t("empty")}
        </p>
      ) : (
        <ul className="divide-y divide-base-lighter rounded border border-base-lighter bg-white" data-testid="notifications">
          {page.notifications.map((notice) => {
            const unread = notice.readAt === null;
            return (
              <li
                key={notice.id}
                className={`flex flex-wrap items-start justify-between gap-3 p-4 ${unread ? "border-s-8 border-primary bg-primary-lighter/40" : "border-s-8 border-transparent"}`}
                data-testid="notification"
                data-unread={unread}
              >
                <div className="min-w-0 flex-1">
                  <p className={unread ? "font-bold" : ""}>
                    {unread && <span className="sr-only">{t("unreadPrefix")}</span>}
                    <Link href={`/notifications/${notice.id}/open`}>{titleOf(notice.title)}</Link>
                  </p>
                  <p className="mt-1 text-sm text-base-dark">
                    {kinds(`group.${NOTICE_GROUP_KEYS[notice.group]}`)} · <LocalTime value={notice.occurredAt} />
                    {notice.reason === "action" && <span>{t("forYourOffice")}</span>}
                  </p>
                </div>
                {unread && (
                  <form action={markRead}>
                    <input type="hidden" name="id" value={notice.id} />
                    <Button variant="unstyled" type="submit" className="text-sm">
                      {t.rich("markRead", { title: titleOf(notice.title), hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                    </Button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {(olderHref || newestHref) && (
        <nav aria-label={t("pages")} className="mt-4 flex gap-6">
          {newestHref && <Link href={newestHref}>{t("newest")}</Link>}
          {olderHref && <Link href={olderHref}>{t("older")}</Link>}
        </nav>
      )}
    </section>
  );
}
