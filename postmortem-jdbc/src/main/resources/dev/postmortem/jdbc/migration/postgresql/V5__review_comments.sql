-- postmortem schema, version 5: review comments on post-mortems, threads and their resolution.

CREATE TABLE pm_comment (
    id              UUID           NOT NULL PRIMARY KEY,
    post_mortem_id  UUID           NOT NULL REFERENCES pm_post_mortem (id) ON DELETE CASCADE,
    tenant_id       VARCHAR(200)   NOT NULL,
    -- null for the whole document, else a part (rootCause) or an element (timeline/<id>)
    anchor          VARCHAR(100),
    -- the thread's first comment; null when this one starts a thread
    in_reply_to     UUID,
    author          VARCHAR(320)   NOT NULL,
    body            VARCHAR(10000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved        BOOLEAN        NOT NULL,
    resolved_by     VARCHAR(320),
    resolved_at     TIMESTAMP WITH TIME ZONE
);

-- A post-mortem's comments oldest first, keyset-paged on (created_at, id); and a thread's replies.
CREATE INDEX pm_comment_post_mortem_idx ON pm_comment (post_mortem_id, created_at, id);
CREATE INDEX pm_comment_reply_idx ON pm_comment (in_reply_to);

ANALYZE pm_comment;
