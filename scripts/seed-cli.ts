// `npm run db:seed`: loads reference data, plus demo users when SEED_DEMO=true, into DATABASE_URL, and brings derived
// data (the My tasks inbox) up to date.
import { seedDemo, seedReference } from "../prisma/seed";
import { createPrismaClient } from "../src/server/prisma-client";
import { rebuildCaseInboxes } from "../src/server/cases/case-inbox";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL (npm run dev seeds the embedded database by itself)");
  process.exit(1);
}
const prisma = createPrismaClient(url, 2);
console.log(`Reference organizations added: ${await seedReference(prisma)}`);
if (process.env.SEED_DEMO === "true") {
  await seedDemo(prisma);
  console.log("Demo users seeded");
}
// Inboxes written by an older release are rebuilt before the app serves them (src/server/cases/case-inbox.ts).
const rebuilt = await rebuildCaseInboxes(prisma);
if (rebuilt) console.log(`My tasks rebuilt for ${rebuilt} cases`);
await prisma.$disconnect();
