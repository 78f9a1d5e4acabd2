-- postmortem schema, version 4: following action items through, across post-mortems.
-- Tracker links (also in the content JSON, which the document reads) and the priority's rank,
-- so that "every item I may see, by due date, then priority" is read from an index in order.

ALTER TABLE pm_action_item ADD COLUMN tracker_key VARCHAR(100);
ALTER TABLE pm_action_item ADD COLUMN tracker_url VARCHAR(2000);
ALTER TABLE pm_action_item ADD COLUMN priority_rank SMALLINT;
UPDATE pm_action_item
   SET priority_rank = CASE priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END;
ALTER TABLE pm_action_item ALTER COLUMN priority_rank SET NOT NULL;

-- The owner as compared (without case), so that "my items" is an index range too; and the due
-- date with "none" as the last day there is, so that a page after a cursor, and "due before",
-- are one index range on both databases (nulls sort first on H2, last on PostgreSQL).
ALTER TABLE pm_action_item ADD COLUMN owner_key VARCHAR(200) GENERATED ALWAYS AS (LOWER(owner)) STORED;
ALTER TABLE pm_action_item ADD COLUMN due_key DATE
    GENERATED ALWAYS AS (COALESCE(due_date, DATE '9999-12-31')) STORED;

-- The list of action items: due date (none last), priority, id, within a tenant; and one owner's.
CREATE INDEX pm_action_item_due_idx ON pm_action_item (tenant_id, due_key, priority_rank, id);
CREATE INDEX pm_action_item_owner_due_idx ON pm_action_item (tenant_id, owner_key, due_key, priority_rank, id);
-- An item's row is found from its post-mortem, for the counts of the listing's summaries.
CREATE INDEX pm_action_item_post_mortem_idx ON pm_action_item (post_mortem_id, status, due_date);

-- One reminder per item and day, whatever the number of nodes sending them.
CREATE TABLE pm_action_item_reminder (
    item_id     UUID NOT NULL,
    reminded_on DATE NOT NULL,
    PRIMARY KEY (item_id, reminded_on)
);

ANALYZE pm_action_item;
