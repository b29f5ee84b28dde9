// Dev tool: a persistent embedded PostgreSQL for poking at data by hand (EXPLAIN, psql).
//   npx tsx scripts/dev/keep-db.ts [dataDir] [port]
import { startEmbeddedDatabase } from "../lib/embedded-db.ts";
const db = await startEmbeddedDatabase({ dataDir: process.argv[2] ?? "/tmp/pg-debug", port: Number(process.argv[3] ?? 55440), log: () => {} });
console.log(db.url);
process.on("SIGTERM", () => void db.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
