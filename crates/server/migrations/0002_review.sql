-- The yearly review: when the contact information was last saved or
-- confirmed as still correct, and by whom. Existing rows count as reviewed
-- when they were last saved.
ALTER TABLE contact_info ADD COLUMN reviewed_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contact_info ADD COLUMN reviewed_by_name TEXT NOT NULL DEFAULT '';
UPDATE contact_info SET reviewed_at = updated_at, reviewed_by_name = updated_by_name;
