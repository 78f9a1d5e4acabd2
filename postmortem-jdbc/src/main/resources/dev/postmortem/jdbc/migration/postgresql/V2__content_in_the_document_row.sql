-- postmortem schema, version 2, PostgreSQL: a post-mortem's content lives in its own row.
-- The timeline, the action items and the status history move into one JSONB column, the
-- contributors into an array column; a GET reads one row and a create writes one row plus
-- its action items. pm_action_item stays, kept in the same transaction as the document, for
-- the questions asked across post-mortems (whose items are open, overdue); the document's
-- own read never uses it.

ALTER TABLE pm_post_mortem ADD COLUMN content JSONB;
-- Whether a viewer may see a draft: "= ANY(contributors)" on the row the listing reads anyway.
ALTER TABLE pm_post_mortem ADD COLUMN contributors VARCHAR(254)[] NOT NULL DEFAULT '{}';

-- Instants as Java's Instant.toString writes them, in UTC with microseconds.
UPDATE pm_post_mortem p
   SET content = jsonb_build_object(
           'timeline', COALESCE((
               SELECT jsonb_agg(jsonb_build_object('id', e.id, 'time', e.event_time, 'description', e.description)
                                ORDER BY e.sort_order)
                 FROM pm_timeline_event e WHERE e.post_mortem_id = p.id), '[]'::jsonb),
           'actionItems', COALESCE((
               SELECT jsonb_agg(jsonb_build_object('id', a.id, 'description', a.description, 'owner', a.owner,
                                                   'status', a.status, 'priority', a.priority,
                                                   'dueDate', a.due_date)
                                ORDER BY a.sort_order)
                 FROM pm_action_item a WHERE a.post_mortem_id = p.id), '[]'::jsonb),
           'statusHistory', COALESCE((
               SELECT jsonb_agg(jsonb_build_object('from', s.from_status, 'to', s.to_status, 'by', s.changed_by,
                                                   'at', to_char(s.changed_at AT TIME ZONE 'UTC',
                                                                 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                                ORDER BY s.sort_order)
                 FROM pm_status_change s WHERE s.post_mortem_id = p.id), '[]'::jsonb)),
       contributors = ARRAY(SELECT c.email FROM pm_contributor c WHERE c.post_mortem_id = p.id
                             ORDER BY c.sort_order);

ALTER TABLE pm_post_mortem ALTER COLUMN content SET NOT NULL;

DROP TABLE pm_timeline_event;
DROP TABLE pm_contributor;
DROP TABLE pm_status_change;

-- An incident's post-mortems, newest first, read in the index's order like the other pages.
DROP INDEX pm_post_mortem_tenant_incident_idx;
CREATE INDEX pm_post_mortem_tenant_incident_idx
    ON pm_post_mortem (tenant_id, incident_id, created_at DESC, id DESC);

-- Statistics from the first request on: without them the planner takes a table that has just
-- been created or rewritten for an empty one.
ANALYZE pm_post_mortem;
ANALYZE pm_action_item;
