-- The yearly review, as 0002_review.sql for SQLite.
ALTER TABLE contact_info ADD COLUMN reviewed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contact_info ADD COLUMN reviewed_by_name TEXT NOT NULL DEFAULT '';
UPDATE contact_info SET reviewed_at = updated_at, reviewed_by_name = updated_by_name;
