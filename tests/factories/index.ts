// Factories that build the world for tests and for the demo seed. Each call makes unique records unless told otherwise.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { ROLE_ORGANIZATION_KINDS, type OrganizationKind, type Role } from "../../src/domain/roles";
import { hashPassword } from "../../src/server/passwords";

export const DEFAULT_TEST_PASSWORD = "correct horse battery staple";

let passwordHashCache: Promise<string> | undefined;
/** Hashing is slow by design; tests that do not care about the password share one hash. */
async function hashFor(password: string) {
  if (password === DEFAULT_TEST_PASSWORD) {
    passwordHashCache ??= hashPassword(DEFAULT_TEST_PASSWORD);
    return passwordHashCache;
  }
  return hashPassword(password);
}

export interface OrganizationSpec {
  kind: OrganizationKind;
  code?: string;
  name?: string;
  natoPlus?: boolean | null;
  verified?: boolean;
  source?: string;
}

export async function createOrganization(prisma: PrismaClient, spec: OrganizationSpec) {
  const code = spec.code ?? randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase();
  return prisma.organization.upsert({
    where: { kind_code: { kind: spec.kind, code } },
    update: {},
    create: {
      kind: spec.kind,
      code,
      name: spec.name ?? `Test ${spec.kind.toLowerCase()} ${code}`,
      natoPlus: spec.kind === "PARTNER_COUNTRY" ? (spec.natoPlus ?? false) : null,
      natoMember: spec.kind === "PARTNER_COUNTRY" ? false : null,
      standardOedDays: spec.kind === "PARTNER_COUNTRY" ? 85 : null,
      verified: spec.verified ?? true,
      source: spec.source ?? "Test factory",
    },
  });
}

/** The first organization kind the domain allows for a role (admins and auditors: DSCA). */
const organizationKindFor = (role: Role): OrganizationKind => ROLE_ORGANIZATION_KINDS[role][0]!;

export interface UserSpec {
  role: Role;
  email?: string;
  name?: string;
  password?: string;
  active?: boolean;
  organizationId?: string;
  /** Shorthand for a partner officer's organization: created if needed. */
  countryCode?: string;
}

export async function createUser(prisma: PrismaClient, spec: UserSpec) {
  const organizationId =
    spec.organizationId ??
    (
      await createOrganization(prisma, {
        kind: organizationKindFor(spec.role),
        code: spec.countryCode ?? (spec.role === "PARTNER_OFFICER" ? undefined : `T${organizationKindFor(spec.role)}`.slice(0, 8)),
      })
    ).id;
  const email = (spec.email ?? `${spec.role.toLowerCase()}.${randomUUID().slice(0, 8)}@test.example`).toLowerCase();
  return prisma.user.upsert({
    where: { email },
    update: {},
    create: {
      email,
      name: spec.name ?? `Test ${spec.role.toLowerCase().replace(/_/g, " ")}`,
      role: spec.role,
      organizationId,
      active: spec.active ?? true,
      passwordHash: await hashFor(spec.password ?? DEFAULT_TEST_PASSWORD),
    },
    include: { organization: true },
  });
}
