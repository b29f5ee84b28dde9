import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, Tag } from "@/components/ui/card";
import { can } from "@/domain/policy";
import { ROLE_LABELS } from "@/domain/roles";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listAuditEvents } from "@/server/audit-log/list-audit-events";
import { listOrganizations } from "@/server/organizations/list-organizations";
import { getUser } from "@/server/users/get-user";
import { ActivationForm, ChangeRoleForm } from "../user-forms";

export const metadata: Metadata = { title: "User" };

const UPDATE_NOTICES: Record<string, string> = {
  updated: "now has the role and organization shown below",
  deactivated: "is deactivated and has been signed out",
  reactivated: "is active again and can sign in",
};

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
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/users">← All users</Link>
      </p>
      {created && <Alert type="success" title={`${user.name} can now sign in`} testId="user-created" />}
      {updated && UPDATE_NOTICES[updated] && (
        <Alert type="success" title={`${user.name} ${UPDATE_NOTICES[updated]}`} testId="user-updated" />
      )}
      <PageHeader
        title={user.name}
        lead={
          <>
            {user.email} · {ROLE_LABELS[user.role]} · {user.organization.name}{" "}
            {user.active ? <Tag tone="success">Active</Tag> : <Tag tone="error">Deactivated</Tag>}
          </>
        }
      />
      {self ? (
        <Alert type="info" title="This is your own account">
          Another administrator has to change your role or deactivate you, so no one can lock everyone out by accident.
        </Alert>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Role and organization">
            <ChangeRoleForm key={`role-${user.version}`} user={{ id: user.id, role: user.role, organizationId: user.organization.id, version: user.version }} organizations={organizations} />
          </Card>
          <Card title={user.active ? "Deactivate" : "Reactivate"}>
            <ActivationForm key={`active-${user.version}`} user={{ id: user.id, name: user.name, active: user.active, version: user.version }} />
          </Card>
        </div>
      )}
      {history && (
        <Card title="Recent activity" actions={<Link href={`/audit?userId=${user.id}`}>Full history</Link>}>
          {history.items.length === 0 ? (
            <p className="text-sm text-base-dark">No recorded activity yet.</p>
          ) : (
            <ul className="divide-y divide-base-lighter text-sm">
              {history.items.map((e) => (
                <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-mono">{e.action}</span>
                    {e.actorUserId !== user.id && e.actorEmail && <span className="text-base-dark"> by {e.actorEmail}</span>}
                  </span>
                  <span>
                    <Tag tone={e.outcome === "SUCCESS" ? "success" : "error"}>{e.outcome}</Tag> {formatDateTime(e.occurredAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <p className="text-sm text-base-dark">
        Created {formatDateTime(user.createdAt)} · last changed {formatDateTime(user.updatedAt)} · version {user.version}
      </p>
    </div>
  );
}
