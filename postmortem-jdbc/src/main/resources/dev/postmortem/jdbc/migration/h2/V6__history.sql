-- postmortem schema, version 6: what each write of a post-mortem changed, for its history.
-- One row per version a write stored after the creation (which the document itself records),
-- written in the transaction that stores the version. History begins with the next write of a
-- post-mortem stored before this version.

CREATE TABLE pm_history (
    post_mortem_id  UUID          NOT NULL REFERENCES pm_post_mortem (id) ON DELETE CASCADE,
    version         BIGINT        NOT NULL,
    tenant_id       VARCHAR(200)  NOT NULL,
    changed_by      VARCHAR(320)  NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- [{"field", "before", "after"}], each value in the shape pm_post_mortem.content stores it in
    changes         JSON          NOT NULL,
    -- a history page reads a post-mortem's versions in order
    PRIMARY KEY (post_mortem_id, version)
);
