// The demo's accountable officials: the person named for each office's queue in the dashboards' bottleneck view. The
// first person of each inbox role (and each agency's first case manager) answers for it; an administrator can change
// them on the Offices page.
import type { PrismaClient } from "../src/generated/prisma/client";
import { INBOX_ROLES, inboxKey, type InboxRole } from "../src/domain/workflow/inbox";

export async function seedDemoOfficeAccountables(prisma: PrismaClient) {
  const admin = await prisma.user.findFirst({ where: { role: "ADMIN", active: true }, orderBy: { createdAt: "asc" } });
  const people = await prisma.user.findMany({
    where: { role: { in: Object.keys(INBOX_ROLES) as InboxRole[] }, active: true },
    orderBy: [{ createdAt: "asc" }, { email: "asc" }],
  });
  for (const person of people) {
    const inbox = inboxKey(person.role as InboxRole, person.role === "IA_CASE_MANAGER" ? person.organizationId : null);
    await prisma.officeAccountable.upsert({
      where: { inbox },
      create: { inbox, userId: person.id, assignedById: admin?.id ?? null },
      update: {},
    });
  }
}
