// Who acts on the seeded cases: the demo users plus a modest staff per office, agency and partner country, so
// decisions are spread over people. Inserted in bulk with the same shape the factories give (one argon2 hash of the
// demo password, shared), and only when missing: running the seed again adds no one twice.
import { actorFromUser } from "../../src/domain/policy";
import type { Role } from "../../src/domain/roles";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { hashPassword } from "../../src/server/passwords";
import { DEMO_PASSWORD } from "../seed";
import { FIRST_NAMES, LAST_NAMES, USER_AGENTS } from "./catalog";
import type { AgencyRef, CountryRef, Person } from "./story";
import { Random, hashParts } from "./random";

export interface People {
  dsca: Person[];
  state: Person[];
  dtsa: Person[];
  agency: Map<string, Person[]>;
  partner: Map<string, Person[]>;
}

const STAFF = { DSCA: 14, STATE_PM: 7, DTSA: 5, agency: 6, partner: 3 } as const;
const DOMAIN = "caseway.example";

const two = (n: number) => String(n).padStart(2, "0");
const nameFor = (key: string) => {
  const h = hashParts("name", key);
  return `${FIRST_NAMES[h % FIRST_NAMES.length]} ${LAST_NAMES[(h >>> 8) % LAST_NAMES.length]}`;
};

interface Wanted {
  email: string;
  role: Role;
  organizationId: string;
}

export async function ensurePeople(
  prisma: PrismaClient,
  offices: { DSCA: string; STATE_PM: string; DTSA: string },
  agencies: readonly AgencyRef[],
  countries: readonly CountryRef[],
): Promise<People> {
  const wanted: Wanted[] = [];
  const add = (count: number, role: Role, organizationId: string, email: (n: number) => string) => {
    for (let n = 1; n <= count; n++) wanted.push({ email: email(n), role, organizationId });
  };
  add(STAFF.DSCA, "DSCA_ANALYST", offices.DSCA, (n) => `dsca.analyst${two(n)}@${DOMAIN}`);
  add(STAFF.STATE_PM, "STATE_REVIEWER", offices.STATE_PM, (n) => `state.reviewer${two(n)}@${DOMAIN}`);
  add(STAFF.DTSA, "DTSA_REVIEWER", offices.DTSA, (n) => `dtsa.reviewer${two(n)}@${DOMAIN}`);
  for (const agency of agencies) add(STAFF.agency, "IA_CASE_MANAGER", agency.id, (n) => `ia.${agency.code.toLowerCase()}.manager${two(n)}@${DOMAIN}`);
  for (const country of countries) add(STAFF.partner, "PARTNER_OFFICER", country.id, (n) => `partner.${country.code.toLowerCase()}.officer${two(n)}@${DOMAIN}`);

  const existing = new Set((await prisma.user.findMany({ where: { email: { in: wanted.map((w) => w.email) } }, select: { email: true } })).map((u) => u.email));
  const missing = wanted.filter((w) => !existing.has(w.email));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await prisma.user.createMany({
      data: missing.map((w) => ({
        id: new Random("large-seed-user", w.email).uuid(),
        email: w.email,
        name: nameFor(w.email),
        role: w.role,
        organizationId: w.organizationId,
        passwordHash,
      })),
      skipDuplicates: true,
    });
  }

  // Everyone active in these organizations with a caseway.example address: the demo users and the staff above (test
  // users elsewhere in the same database are left out).
  const organizationIds = [offices.DSCA, offices.STATE_PM, offices.DTSA, ...agencies.map((a) => a.id), ...countries.map((c) => c.id)];
  const users = await prisma.user.findMany({
    where: { active: true, email: { endsWith: `@${DOMAIN}` }, organizationId: { in: organizationIds } },
    include: { organization: true },
    orderBy: { email: "asc" },
  });
  const people: People = { dsca: [], state: [], dtsa: [], agency: new Map(), partner: new Map() };
  for (const user of users) {
    const h = hashParts("client", user.email);
    const person: Person = {
      actor: actorFromUser(user),
      ip: `10.${(h >>> 16) & 0xff}.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`,
      userAgent: USER_AGENTS[h % USER_AGENTS.length]!,
    };
    if (user.role === "DSCA_ANALYST") people.dsca.push(person);
    else if (user.role === "STATE_REVIEWER") people.state.push(person);
    else if (user.role === "DTSA_REVIEWER") people.dtsa.push(person);
    else if (user.role === "IA_CASE_MANAGER") people.agency.set(user.organizationId, [...(people.agency.get(user.organizationId) ?? []), person]);
    else if (user.role === "PARTNER_OFFICER") people.partner.set(user.organizationId, [...(people.partner.get(user.organizationId) ?? []), person]);
  }
  return people;
}
