import type { Metadata } from "next";
import Link from "next/link";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/auth/actor";
import { getNotificationPreferences } from "@/server/notifications/get-notification-preferences";
import { saveNotificationPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const actor = await requireActor();
  const preferences = await getNotificationPreferences(actor);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Notification settings"
        lead="Choose, for each kind of notice, whether Caseway e-mails you immediately, in one daily digest, or not at all. Notices always appear in Caseway itself. E-mail subjects never name a country, case, item or amount."
      />
      <p className="text-sm">
        <Link href="/profile">Back to your profile</Link>
      </p>
      <NotificationPreferencesForm preferences={preferences} action={saveNotificationPreferencesAction} />
    </div>
  );
}
