-- Issue 13: a letter returned as insufficient cannot be resubmitted unchanged, and the items the validator rejected count
-- as not met until the partner changes it. The fingerprint of the content at the return tells "unchanged" apart.
ALTER TABLE "letters_of_request" ADD COLUMN "returned_content_hash" CHAR(64);
