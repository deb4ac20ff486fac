-- E-mails are stored normalised (trimmed, lower-case, NFC); comparing them byte by byte ("C") is
-- what their uniqueness already means. It also lets the unique e-mail index answer prefix searches
-- (LIKE 'ab%' for a one- or two-character ?q=) whatever the database's locale, so the separate
-- prefix index goes: one index fewer to maintain on every imported row.
ALTER TABLE "Contact" ALTER COLUMN "email" TYPE text COLLATE "C";
DROP INDEX IF EXISTS "Contact_email_prefix_idx";
