-- AlterTable
ALTER TABLE "cases" ALTER COLUMN "identifier" SET DATA TYPE VARCHAR(24);
