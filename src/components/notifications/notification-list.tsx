import Link from "next/link";
import type { NotificationPage } from "@/domain/schemas/notifications";
import { Button } from "../ui/button";
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
  return (
    <section aria-labelledby="notices-heading" className="mt-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="notices-heading" className="text-xl font-bold">
          {page.unreadCount === 0 ? "Nothing unread" : `${page.unreadCount >= 100 ? "99+" : page.unreadCount} unread`}
        </h2>
        {page.unreadCount > 0 && (
          <form action={markAllRead}>
            <Button variant="secondary" type="submit">
              Mark all as read
            </Button>
          </form>
        )}
      </div>
      {page.notifications.length === 0 ? (
        <p className="rounded border border-base-lighter bg-white p-4" data-testid="no-notifications">
          No notifications here yet. When a record you work on changes, or work arrives for your office, it shows up here.
        </p>
      ) : (
        <ul className="divide-y divide-base-lighter rounded border border-base-lighter bg-white" data-testid="notifications">
          {page.notifications.map((notice) => {
            const unread = notice.readAt === null;
            return (
              <li
                key={notice.id}
                className={`flex flex-wrap items-start justify-between gap-3 p-4 ${unread ? "border-l-8 border-primary bg-primary-lighter/40" : "border-l-8 border-transparent"}`}
                data-testid="notification"
                data-unread={unread}
              >
                <div className="min-w-0 flex-1">
                  <p className={unread ? "font-bold" : ""}>
                    {unread && <span className="sr-only">Unread: </span>}
                    <Link href={`/notifications/${notice.id}/open`}>{notice.title}</Link>
                  </p>
                  <p className="mt-1 text-sm text-base-dark">
                    {notice.group} · <LocalTime value={notice.occurredAt} />
                    {notice.reason === "action" && <span> · for your office to act on</span>}
                  </p>
                </div>
                {unread && (
                  <form action={markRead}>
                    <input type="hidden" name="id" value={notice.id} />
                    <Button variant="unstyled" type="submit" className="text-sm">
                      Mark as read<span className="sr-only">: {notice.title}</span>
                    </Button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {(olderHref || newestHref) && (
        <nav aria-label="Notification pages" className="mt-4 flex gap-6">
          {newestHref && <Link href={newestHref}>Newest notifications</Link>}
          {olderHref && <Link href={olderHref}>Older notifications</Link>}
        </nav>
      )}
    </section>
  );
}
