"use client";

import { useActionState, useState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/form";
import { ORGANIZATION_KIND_LABELS, ROLE_LABELS, ROLES, type OrganizationKind, type Role } from "@/domain/roles";
import type { ActionState } from "@/server/action-result";
import { createUserAction, updateUserAction } from "./actions";

export interface OrganizationOption {
  id: string;
  name: string;
  code: string;
  kind: OrganizationKind;
}

function OrganizationOptions({ organizations }: { organizations: OrganizationOption[] }) {
  const kinds = [...new Set(organizations.map((o) => o.kind))];
  return (
    <>
      {kinds.map((kind) => (
        <optgroup key={kind} label={ORGANIZATION_KIND_LABELS[kind]}>
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
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </>
  );
}

export function CreateUserForm({ organizations }: { organizations: OrganizationOption[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, { status: "idle" });
  // Controlled fields keep what was typed when the server sends the form back with errors.
  const [values, setValues] = useState({ name: "", email: "", role: "", organizationId: "" });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} noValidate className="max-w-xl">
      <FormProblem state={state} title="The user was not created" />
      <Field id="name" label="Full name" error={fields?.name}>
        <TextInput id="name" name="name" autoComplete="off" value={values.name} onChange={set("name")} error={fields?.name} />
      </Field>
      <Field id="email" label="Email address" hint="They sign in with this address" error={fields?.email}>
        <TextInput id="email" name="email" type="email" autoComplete="off" value={values.email} onChange={set("email")} hasHint error={fields?.email} />
      </Field>
      <Field id="role" label="Role" error={fields?.role}>
        <Select id="role" name="role" value={values.role} onChange={set("role")} error={fields?.role}>
          <option value="">Choose a role</option>
          <RoleOptions />
        </Select>
      </Field>
      <Field id="organizationId" label="Organization" hint="Partner officers belong to their country; staff to their office" error={fields?.organizationId}>
        <Select id="organizationId" name="organizationId" value={values.organizationId} onChange={set("organizationId")} hasHint error={fields?.organizationId}>
          <option value="">Choose an organization</option>
          <OrganizationOptions organizations={organizations} />
        </Select>
      </Field>
      <Field id="password" label="Initial password" hint="At least 12 characters. Give it to the person by a separate, secure channel." error={fields?.password}>
        <TextInput id="password" name="password" type="password" autoComplete="new-password" hasHint error={fields?.password} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
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
  const [state, action, pending] = useActionState<ActionState, FormData>(updateUserAction, { status: "idle" });
  const [role, setRole] = useState<string>(user.role);
  const [organizationId, setOrganizationId] = useState(user.organizationId);
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} noValidate>
      <FormProblem state={state} title="The change was not saved" />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="expectedVersion" value={user.version} />
      <Field id="change-role" label="Role" error={fields?.role}>
        <Select id="change-role" name="role" value={role} onChange={(e) => setRole(e.target.value)} error={fields?.role}>
          <RoleOptions />
        </Select>
      </Field>
      <Field id="change-organization" label="Organization" error={fields?.organizationId}>
        <Select id="change-organization" name="organizationId" value={organizationId} onChange={(e) => setOrganizationId(e.target.value)} error={fields?.organizationId}>
          <OrganizationOptions organizations={organizations} />
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>
        Save role and organization
      </Button>
    </form>
  );
}

export function ActivationForm({ user }: { user: { id: string; name: string; active: boolean; version: number } }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateUserAction, { status: "idle" });
  return (
    <form action={action}>
      <FormProblem state={state} title="The change was not saved" />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="expectedVersion" value={user.version} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      <p className="mb-3 text-sm">
        {user.active
          ? `Deactivating signs ${user.name} out at once and stops their API tokens. Their history stays in the audit log.`
          : `${user.name} cannot sign in. Reactivating lets them sign in again with their existing password.`}
      </p>
      <Button type="submit" variant={user.active ? "danger" : "primary"} disabled={pending}>
        {user.active ? "Deactivate user" : "Reactivate user"}
      </Button>
    </form>
  );
}
