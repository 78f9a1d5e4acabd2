-- postmortem schema, version 2, H2 (2.x): a post-mortem's content lives in its own row.
-- The timeline, the action items and the status history move into one JSON column, the
-- contributors into an array column; a GET reads one row and a create writes one row plus
-- its action items. pm_action_item stays, kept in the same transaction as the document, for
-- the questions asked across post-mortems (whose items are open, overdue); the document's
-- own read never uses it.

ALTER TABLE pm_post_mortem ADD COLUMN content JSON;
-- Whether a viewer may see a draft: ARRAY_CONTAINS on the row the listing reads anyway.
ALTER TABLE pm_post_mortem ADD COLUMN contributors VARCHAR(254) ARRAY DEFAULT ARRAY[] NOT NULL;

-- Instants as Java's Instant.toString writes them, in UTC with microseconds.
UPDATE pm_post_mortem p
   SET content = JSON_OBJECT(
           'timeline': COALESCE((
               SELECT JSON_ARRAYAGG(JSON_OBJECT('id': CAST(e.id AS VARCHAR), 'time': e.event_time,
                                                'description': e.description)
                                    ORDER BY e.sort_order)
                 FROM pm_timeline_event e WHERE e.post_mortem_id = p.id), JSON '[]'),
           'actionItems': COALESCE((
               SELECT JSON_ARRAYAGG(JSON_OBJECT('id': CAST(a.id AS VARCHAR), 'description': a.description,
                                                'owner': a.owner, 'status': a.status, 'priority': a.priority,
                                                'dueDate': CAST(a.due_date AS VARCHAR))
                                    ORDER BY a.sort_order)
                 FROM pm_action_item a WHERE a.post_mortem_id = p.id), JSON '[]'),
           'statusHistory': COALESCE((
               SELECT JSON_ARRAYAGG(JSON_OBJECT('from': s.from_status, 'to': s.to_status, 'by': s.changed_by,
                                                'at': FORMATDATETIME(s.changed_at AT TIME ZONE 'UTC',
                                                                     'yyyy-MM-dd''T''HH:mm:ss.SSSSSS''Z'''))
                                    ORDER BY s.sort_order)
                 FROM pm_status_change s WHERE s.post_mortem_id = p.id), JSON '[]')),
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

ANALYZE;
