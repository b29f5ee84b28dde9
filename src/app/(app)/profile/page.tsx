import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, Tag } from "@/components/ui/card";
import { LOCALES, LOCALE_NAMES, timeZones } from "@/i18n/config";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { getOwnSession } from "@/server/auth/get-own-session";
import { listOwnSigningKeys } from "@/server/signatures/own-signing-keys";
import { listApiTokens } from "@/server/tokens/list-api-tokens";
import { getDisplayPreferences } from "@/server/users/display-preferences";
import { saveDisplayPreferencesAction } from "../../display-actions";
import { DisplayPreferencesForm } from "./display-form";
import { RevokeSigningKeyForm, RotateSigningKeyForm } from "./signing-key-forms";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const actor = await requireActor();
  const [tokens, session, display, keys, t, label, f] = await Promise.all([
    listApiTokens(actor),
    getOwnSession(actor),
    getDisplayPreferences(actor),
    listOwnSigningKeys(actor),
    getTranslations("Profile"),
    getLabels(),
    getFormats(),
  ]);
  const tokenStatus = (token: { revokedAt: string | null; expiresAt: string | null }) => {
    if (token.revokedAt) return <Tag tone="error">{t("tokenRevoked")}</Tag>;
    if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return <Tag>{t("tokenExpired")}</Tag>;
    return <Tag tone="success">{t("tokenActive")}</Tag>;
  };
  const keyStatus = (key: (typeof keys.items)[number]) =>
    key.revokedAt ? <Tag tone="error">{t("keyStatusRevoked")}</Tag> : key.current ? <Tag tone="success">{t("keyStatusCurrent")}</Tag> : <Tag>{t("keyStatusRetired")}</Tag>;
  const current = keys.items.find((key) => key.current);
  return (
    <div className="space-y-6">
      <PageHeader title={t("heading")} lead={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("account")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-base-dark">{t("name")}</dt>
            <dd className="font-bold">{actor.name}</dd>
            <dt className="text-base-dark">{t("email")}</dt>
            <dd>{actor.email}</dd>
            <dt className="text-base-dark">{t("role")}</dt>
            <dd data-testid="profile-role">{label("role", actor.role)}</dd>
            <dt className="text-base-dark">{t("organization")}</dt>
            <dd>
              <Link href={`/organizations/${actor.organizationId}`}>{actor.organizationName}</Link>
              {actor.countryCode && <span className="font-mono"> ({actor.countryCode})</span>}
            </dd>
          </dl>
          <p className="mt-4 text-sm text-base-dark">{t("askAdmin")}</p>
          <p className="mt-2 text-sm">
            {t.rich("notificationSettings", { link: (chunks) => <Link href="/profile/notifications">{chunks}</Link> })}
          </p>
        </Card>
        <Card title={t("session")}>
          {session ? (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-base-dark">{t("signedIn")}</dt>
              <dd>{f.dateTime(session.createdAt)}</dd>
              <dt className="text-base-dark">{t("signsOutAfter")}</dt>
              <dd>{t("idleMinutes", { minutes: session.idleMinutes })}</dd>
              <dt className="text-base-dark">{t("endsAtLatest")}</dt>
              <dd>{f.dateTime(session.expiresAt)}</dd>
              <dt className="text-base-dark">{t("from")}</dt>
              <dd>{session.ip ?? t("unknownAddress")}</dd>
            </dl>
          ) : (
            <p className="text-sm">{t("usingToken")}</p>
          )}
        </Card>
      </div>
      <Card title={t("displayHeading")}>
        <DisplayPreferencesForm
          save={saveDisplayPreferencesAction}
          saved={display}
          languages={LOCALES.map((code) => ({ code, name: LOCALE_NAMES[code] }))}
          zones={timeZones()}
          shownIn={f.timeZone}
        />
      </Card>
      <section id="signing-key" aria-labelledby="signing-key-heading" className="rounded border border-base-lighter bg-white p-5 shadow-sm">
        <h2 id="signing-key-heading" className="mb-1 text-lg">
          {t("keyHeading")}
        </h2>
        <p className="mb-3 text-sm text-base-dark">{t("keyLead")}</p>
        <p className="text-sm" data-testid="current-key">
          {current
            ? t.rich("keyCurrent", { kid: current.kid, since: f.dateTime(current.createdAt), code: (chunks) => <code className="break-all font-mono">{chunks}</code> })
            : t("keyNone")}
        </p>
        {keys.items.length > 0 && (
          <div className="relative mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t("keysCaption")}>
            <table className="w-full text-start text-sm [&_th]:text-start" data-testid="key-table">
              <caption className="sr-only">{t("keysCaption")}</caption>
              <thead className="border-b-2 border-base-darkest">
                <tr>
                  <th scope="col" className="py-2 pe-3">{t("keyFingerprint")}</th>
                  <th scope="col" className="py-2 pe-3">{t("keyStatus")}</th>
                  <th scope="col" className="py-2 pe-3">{t("keyCreated")}</th>
                  <th scope="col" className="py-2 pe-3">{t("keyStopped")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.items.map((key) => (
                  <tr key={key.kid} className="border-b border-base-lighter" data-testid="key-row">
                    <td className="py-2 pe-3 font-mono text-xs break-all">{key.kid}</td>
                    <td className="py-2 pe-3">
                      {keyStatus(key)}
                      {key.revokedReason && <span className="block text-xs text-base-dark">{key.revokedReason}</span>}
                    </td>
                    <td className="py-2 pe-3">{f.dateTime(key.createdAt)}</td>
                    <td className="py-2 pe-3">{f.dateTime(key.revokedAt ?? key.retiredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <RotateSigningKeyForm />
        <RevokeSigningKeyForm
          keys={keys.items.filter((key) => !key.revokedAt).map((key) => ({ kid: key.kid, label: `${key.kid.slice(0, 16)}… (${key.current ? t("keyStatusCurrent") : t("keyStatusRetired")})` }))}
        />
      </section>
      <section id="api-tokens" aria-labelledby="tokens-heading" className="rounded border border-base-lighter bg-white p-5 shadow-sm">
        <h2 id="tokens-heading" className="mb-1 text-lg">
          {t("tokensHeading")}
        </h2>
        <p className="mb-4 text-sm text-base-dark">
          {t.rich("tokensLead", {
            header: "Authorization: Bearer <token>",
            code: (chunks) => <code className="font-mono">{chunks}</code>,
            link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
          })}
        </p>
        <CreateTokenForm />
        {tokens.length === 0 ? (
          <p className="text-sm text-base-dark">{t("noTokens")}</p>
        ) : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("tokensCaption")}>
            <table className="w-full text-start text-sm [&_th]:text-start" data-testid="token-table">
              <caption className="sr-only">{t("tokensCaption")}</caption>
              <thead className="border-b-2 border-base-darkest">
                <tr>
                  <th scope="col" className="py-2 pe-3">{t("tokenName")}</th>
                  <th scope="col" className="py-2 pe-3">{t("tokenStartsWith")}</th>
                  <th scope="col" className="py-2 pe-3">{t("tokenStatus")}</th>
                  <th scope="col" className="py-2 pe-3">{t("tokenCreated")}</th>
                  <th scope="col" className="py-2 pe-3">{t("tokenLastUsed")}</th>
                  <th scope="col" className="py-2 pe-3">{t("tokenExpires")}</th>
                  <th scope="col" className="py-2"><span className="sr-only">{t("tokenActions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-b border-base-lighter" data-testid="token-row">
                    <td className="py-2 pe-3 font-bold">{token.name}</td>
                    <td className="py-2 pe-3 font-mono">{token.prefix}…</td>
                    <td className="py-2 pe-3">{tokenStatus(token)}</td>
                    <td className="py-2 pe-3">{f.dateTime(token.createdAt)}</td>
                    <td className="py-2 pe-3">{f.dateTime(token.lastUsedAt)}</td>
                    <td className="py-2 pe-3">{f.dateTime(token.expiresAt)}</td>
                    <td className="py-2">{!token.revokedAt && <RevokeTokenButton tokenId={token.id} name={token.name} />}</td>
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
