import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Card, Tag } from "@/components/ui/card";
import { ROLE_LABELS } from "@/domain/roles";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getOwnSession } from "@/server/auth/get-own-session";
import { listApiTokens } from "@/server/tokens/list-api-tokens";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "Profile" };

function tokenStatus(token: { revokedAt: string | null; expiresAt: string | null }) {
  if (token.revokedAt) return <Tag tone="error">Revoked</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return <Tag>Expired</Tag>;
  return <Tag tone="success">Active</Tag>;
}

export default async function ProfilePage() {
  const actor = await requireActor();
  const [tokens, session] = await Promise.all([listApiTokens(actor), getOwnSession(actor)]);
  return (
    <div className="space-y-6">
      <PageHeader title="Your profile" lead="Your account, your session and your personal API tokens." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Account">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-base-dark">Name</dt>
            <dd className="font-bold">{actor.name}</dd>
            <dt className="text-base-dark">Email</dt>
            <dd>{actor.email}</dd>
            <dt className="text-base-dark">Role</dt>
            <dd data-testid="profile-role">{ROLE_LABELS[actor.role]}</dd>
            <dt className="text-base-dark">Organization</dt>
            <dd>
              <Link href={`/organizations/${actor.organizationId}`}>{actor.organizationName}</Link>
              {actor.countryCode && <span className="font-mono"> ({actor.countryCode})</span>}
            </dd>
          </dl>
          <p className="mt-4 text-sm text-base-dark">To change your name, role or organization, ask a Caseway administrator.</p>
          <p className="mt-2 text-sm">
            <Link href="/profile/notifications">Notification settings</Link>: choose which notices Caseway e-mails you, and when.
          </p>
        </Card>
        <Card title="This session">
          {session ? (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-base-dark">Signed in</dt>
              <dd>{formatDateTime(session.createdAt)}</dd>
              <dt className="text-base-dark">Signs out after</dt>
              <dd>{session.idleMinutes} minutes without activity</dd>
              <dt className="text-base-dark">Ends at the latest</dt>
              <dd>{formatDateTime(session.expiresAt)}</dd>
              <dt className="text-base-dark">From</dt>
              <dd>{session.ip ?? "unknown address"}</dd>
            </dl>
          ) : (
            <p className="text-sm">You are using an API token.</p>
          )}
        </Card>
      </div>
      <section id="api-tokens" aria-labelledby="tokens-heading" className="rounded border border-base-lighter bg-white p-5 shadow-sm">
        <h2 id="tokens-heading" className="mb-1 text-lg">
          Personal API tokens
        </h2>
        <p className="mb-4 text-sm text-base-dark">
          A token lets your own systems call the Caseway API as you, with your permissions. Send it as{" "}
          <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>. See the{" "}
          <a href="/api/v1/openapi.json">API description</a>.
        </p>
        <CreateTokenForm />
        {tokens.length === 0 ? (
          <p className="text-sm text-base-dark">You have no tokens yet.</p>
        ) : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Your API tokens">
            <table className="w-full text-left text-sm" data-testid="token-table">
              <caption className="sr-only">Your API tokens</caption>
              <thead className="border-b-2 border-base-darkest">
                <tr>
                  <th scope="col" className="py-2 pr-3">Name</th>
                  <th scope="col" className="py-2 pr-3">Starts with</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 pr-3">Created</th>
                  <th scope="col" className="py-2 pr-3">Last used</th>
                  <th scope="col" className="py-2 pr-3">Expires</th>
                  <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className="border-b border-base-lighter" data-testid="token-row">
                    <td className="py-2 pr-3 font-bold">{t.name}</td>
                    <td className="py-2 pr-3 font-mono">{t.prefix}…</td>
                    <td className="py-2 pr-3">{tokenStatus(t)}</td>
                    <td className="py-2 pr-3">{formatDateTime(t.createdAt)}</td>
                    <td className="py-2 pr-3">{formatDateTime(t.lastUsedAt)}</td>
                    <td className="py-2 pr-3">{formatDateTime(t.expiresAt)}</td>
                    <td className="py-2">{!t.revokedAt && <RevokeTokenButton tokenId={t.id} name={t.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
