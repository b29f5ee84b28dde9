-- Issue 13: DSCA may record that a State or DTSA review is not required for a case (with a reason, audited); the
-- AND-join before READY_TO_SIGN then waits only on the reviews that are required. Written by hand: adding an enum
-- value needs no data change, and existing tasks keep their statuses.
ALTER TYPE "ReviewTaskStatus" ADD VALUE IF NOT EXISTS 'NOT_REQUIRED';
