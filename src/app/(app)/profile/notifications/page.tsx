import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/auth/actor";
import { getNotificationPreferences } from "@/server/notifications/get-notification-preferences";
import { saveNotificationPreferencesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NoticesSettingsPage");
  return { title: t("title") };
}

export default async function NotificationSettingsPage() {
  const actor = await requireActor();
  const preferences = await getNotificationPreferences(actor);
  const t = await getTranslations("NoticesSettingsPage");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        lead={t("lead")}
      />
      <p className="text-sm">
        <Link href="/profile">{t("back")}</Link>
      </p>
      <NotificationPreferencesForm preferences={preferences} action={saveNotificationPreferencesAction} />
    </div>
  );
}
