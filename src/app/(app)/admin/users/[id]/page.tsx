import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, Tag } from "@/components/ui/card";
import { can } from "@/domain/policy";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listAuditEvents } from "@/server/audit-log/list-audit-events";
import { listOrganizations } from "@/server/organizations/list-organizations";
import { getUser } from "@/server/users/get-user";
import { ActivationForm, ChangeRoleForm } from "../user-forms";
import { getTranslations } from "next-intl/server";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUser");
  return { title: t("title") };
}

const UPDATE_NOTICES = ["updated", "deactivated", "reactivated"] as const;
const isUpdateNotice = (value: string | undefined): value is (typeof UPDATE_NOTICES)[number] => (UPDATE_NOTICES as readonly (string | undefined)[]).includes(value);

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { created, updated } = await searchParams;
  const user = await forPage(() => getUser(actor, id));
  const organizations = (await listOrganizations(actor)).map(({ id: orgId, name, code, kind }) => ({ id: orgId, name, code, kind }));
  const history = can(actor, "viewAuditLog") ? await listAuditEvents(actor, { pageSize: 10, userId: user.id }) : null;
  const self = user.id === actor.userId;
  const t = await getTranslations("AdminUser");
  const label = await getLabels();
  const f = await getFormats();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/users">{t("back")}</Link>
      </p>
      {created && <Alert type="success" title={t("created", { name: user.name })} testId="user-created" />}
      {isUpdateNotice(updated) && (
        <Alert type="success" title={t(`notice.${updated}`, { name: user.name })} testId="user-updated" />
      )}
      <PageHeader
        title={user.name}
        lead={
          <>
            {user.email} · {label("role", user.role)} · {user.organization.name}{" "}
            {user.active ? <Tag tone="success">{t("active")}</Tag> : <Tag tone="error">{t("deactivated")}</Tag>}
          </>
        }
      />
      {self ? (
        <Alert type="info" title={t("selfTitle")}>
          {t("selfBody")}
        </Alert>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("roleCard")}>
            <ChangeRoleForm key={`role-${user.version}`} user={{ id: user.id, role: user.role, organizationId: user.organization.id, version: user.version }} organizations={organizations} />
          </Card>
          <Card title={user.active ? t("deactivateCard") : t("reactivateCard")}>
            <ActivationForm key={`active-${user.version}`} user={{ id: user.id, name: user.name, active: user.active, version: user.version }} />
          </Card>
        </div>
      )}
      {history && (
        <Card title={t("recentActivity")} actions={<Link href={`/audit?userId=${user.id}`}>{t("fullHistory")}</Link>}>
          {history.items.length === 0 ? (
            <p className="text-sm text-base-dark">{t("noActivity")}</p>
          ) : (
            <ul className="divide-y divide-base-lighter text-sm">
              {history.items.map((e) => (
                <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-mono">{e.action}</span>
                    {e.actorUserId !== user.id && e.actorEmail && <span className="text-base-dark"> {t("byActor", { email: e.actorEmail })}</span>}
                  </span>
                  <span>
                    <Tag tone={e.outcome === "SUCCESS" ? "success" : "error"}>{e.outcome}</Tag> {f.dateTime(e.occurredAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <p className="text-sm text-base-dark">
        {t("footer", { created: f.dateTime(user.createdAt), changed: f.dateTime(user.updatedAt), version: f.number(user.version) })}
      </p>
    </div>
  );
}
