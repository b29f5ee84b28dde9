"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/form";
import { ROLES, type OrganizationKind, type Role } from "@/domain/roles";
import { useLabels } from "@/i18n/use-labels";
import type { ActionState } from "@/server/action-result";
import { createUserAction, updateUserAction } from "./actions";

export interface OrganizationOption {
  id: string;
  name: string;
  code: string;
  kind: OrganizationKind;
}

function OrganizationOptions({ organizations }: { organizations: OrganizationOption[] }) {
  const label = useLabels();
  const kinds = [...new Set(organizations.map((o) => o.kind))];
  return (
    <>
      {kinds.map((kind) => (
        <optgroup key={kind} label={label("organizationKind", kind)}>
          {organizations
            .filter((o) => o.kind === kind)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.code})
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

function RoleOptions() {
  const label = useLabels();
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {label("role", r)}
        </option>
      ))}
    </>
  );
}

export function CreateUserForm({ organizations }: { organizations: OrganizationOption[] }) {
  const t = useTranslations("AdminUserForms");
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, { status: "idle" });
  // Controlled fields keep what was typed when the server sends the form back with errors.
  const [values, setValues] = useState({ name: "", email: "", role: "", organizationId: "" });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} noValidate className="max-w-xl">
      <FormProblem state={state} title={t("createProblem")} />
      <Field id="name" label={t("fullName")} error={fields?.name}>
        <TextInput id="name" name="name" autoComplete="off" value={values.name} onChange={set("name")} error={fields?.name} />
      </Field>
      <Field id="email" label={t("email")} hint={t("emailHint")} error={fields?.email}>
        <TextInput id="email" name="email" type="email" autoComplete="off" value={values.email} onChange={set("email")} hasHint error={fields?.email} />
      </Field>
      <Field id="role" label={t("role")} error={fields?.role}>
        <Select id="role" name="role" value={values.role} onChange={set("role")} error={fields?.role}>
          <option value="">{t("chooseRole")}</option>
          <RoleOptions />
        </Select>
      </Field>
      <Field id="organizationId" label={t("organization")} hint={t("organizationHint")} error={fields?.organizationId}>
        <Select id="organizationId" name="organizationId" value={values.organizationId} onChange={set("organizationId")} hasHint error={fields?.organizationId}>
          <option value="">{t("chooseOrganization")}</option>
          <OrganizationOptions organizations={organizations} />
        </Select>
      </Field>
      <Field id="password" label={t("password")} hint={t("passwordHint")} error={fields?.password}>
        <TextInput id="password" name="password" type="password" autoComplete="new-password" hasHint error={fields?.password} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("creating") : t("create")}
      </Button>
    </form>
  );
}

export function ChangeRoleForm({
  user,
  organizations,
}: {
  user: { id: string; role: Role; organizationId: string; version: number };
  organizations: OrganizationOption[];
}) {
  const t = useTranslations("AdminUserForms");
  const [state, action, pending] = useActionState<ActionState, FormData>(updateUserAction, { status: "idle" });
  const [role, setRole] = useState<string>(user.role);
  const [organizationId, setOrganizationId] = useState(user.organizationId);
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} noValidate>
      <FormProblem state={state} title={t("notSaved")} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="expectedVersion" value={user.version} />
      <Field id="change-role" label={t("role")} error={fields?.role}>
        <Select id="change-role" name="role" value={role} onChange={(e) => setRole(e.target.value)} error={fields?.role}>
          <RoleOptions />
        </Select>
      </Field>
      <Field id="change-organization" label={t("organization")} error={fields?.organizationId}>
        <Select id="change-organization" name="organizationId" value={organizationId} onChange={(e) => setOrganizationId(e.target.value)} error={fields?.organizationId}>
          <OrganizationOptions organizations={organizations} />
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>
        {t("saveRole")}
      </Button>
    </form>
  );
}

export function ActivationForm({ user }: { user: { id: string; name: string; active: boolean; version: number } }) {
  const t = useTranslations("AdminUserForms");
  const [state, action, pending] = useActionState<ActionState, FormData>(updateUserAction, { status: "idle" });
  return (
    <form action={action}>
      <FormProblem state={state} title={t("notSaved")} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="expectedVersion" value={user.version} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      <p className="mb-3 text-sm">
        {user.active
          ? t("deactivateExplain", { name: user.name })
          : t("reactivateExplain", { name: user.name })}
      </p>
      <Button type="submit" variant={user.active ? "danger" : "primary"} disabled={pending}>
        {user.active ? t("deactivate") : t("reactivate")}
      </Button>
    </form>
  );
}
