-- postmortem schema, version 1, PostgreSQL.
-- Every table is prefixed pm_ so that it sits beside the host's own tables.
-- Text limits mirror the core's validation; the database is the last line of defence.

CREATE TABLE pm_post_mortem (
    id            UUID          NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(200)  NOT NULL,
    incident_id   VARCHAR(100)  NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    summary       VARCHAR(20000) NOT NULL,
    impact        VARCHAR(20000),
    root_cause    VARCHAR(20000),
    status        VARCHAR(20)   NOT NULL
                  CONSTRAINT pm_post_mortem_status_check
                  CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    template_id   VARCHAR(100),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(320)  NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE,
    version       BIGINT        NOT NULL,
    -- Words of the four text fields for q=...; 'simple' lower-cases without stemming, so
    -- it behaves the same for every language a team writes in.
    search_words  TSVECTOR GENERATED ALWAYS AS (
                      to_tsvector('simple', title || ' ' || summary || ' '
                                  || coalesce(impact, '') || ' ' || coalesce(root_cause, ''))
                  ) STORED
);

-- The listing: a tenant's post-mortems newest first, keyset-paged on (created_at, id).
CREATE INDEX pm_post_mortem_tenant_created_idx
    ON pm_post_mortem (tenant_id, created_at DESC, id DESC);
-- The listing filtered by status.
CREATE INDEX pm_post_mortem_tenant_status_created_idx
    ON pm_post_mortem (tenant_id, status, created_at DESC, id DESC);
-- All post-mortems of one incident.
CREATE INDEX pm_post_mortem_tenant_incident_idx
    ON pm_post_mortem (tenant_id, incident_id);
CREATE INDEX pm_post_mortem_search_idx
    ON pm_post_mortem USING GIN (search_words);

CREATE TABLE pm_timeline_event (
    id              UUID          NOT NULL PRIMARY KEY,
    post_mortem_id  UUID          NOT NULL REFERENCES pm_post_mortem (id) ON DELETE CASCADE,
    sort_order      INTEGER       NOT NULL,
    event_time      VARCHAR(40)   NOT NULL,   -- as written: 14:35, 14:35:20 or an ISO date-time
    description     VARCHAR(2000) NOT NULL,
    CONSTRAINT pm_timeline_event_order_key UNIQUE (post_mortem_id, sort_order)
);

CREATE TABLE pm_action_item (
    id              UUID          NOT NULL PRIMARY KEY,
    post_mortem_id  UUID          NOT NULL REFERENCES pm_post_mortem (id) ON DELETE CASCADE,
    -- Repeated from the post-mortem so that "open HIGH items of one owner, overdue" is one
    -- indexed query within a tenant, without a join.
    tenant_id       VARCHAR(200)  NOT NULL,
    sort_order      INTEGER       NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    owner           VARCHAR(200),
    status          VARCHAR(20)   NOT NULL
                    CONSTRAINT pm_action_item_status_check CHECK (status IN ('TODO', 'IN_PROGRESS', 'DONE')),
    priority        VARCHAR(10)   NOT NULL
                    CONSTRAINT pm_action_item_priority_check CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
    due_date        DATE,
    CONSTRAINT pm_action_item_order_key UNIQUE (post_mortem_id, sort_order)
);

CREATE INDEX pm_action_item_owner_idx
    ON pm_action_item (tenant_id, owner, status, due_date);
CREATE INDEX pm_action_item_open_due_idx
    ON pm_action_item (tenant_id, status, priority, due_date);

CREATE TABLE pm_contributor (
    post_mortem_id  UUID          NOT NULL REFERENCES pm_post_mortem (id) ON DELETE CASCADE,
    sort_order      INTEGER       NOT NULL,
    email           VARCHAR(254)  NOT NULL,   -- stored lower-cased by the core
    PRIMARY KEY (post_mortem_id, email)
);

-- Whether a viewer may see a draft is an EXISTS on (post_mortem_id, email): the primary key.

CREATE TABLE pm_status_change (
    post_mortem_id  UUID          NOT NULL REFERENCES pm_post_mortem (id) ON DELETE CASCADE,
    sort_order      INTEGER       NOT NULL,
    from_status     VARCHAR(20),              -- NULL for the creation
    to_status       VARCHAR(20)   NOT NULL,
    changed_by      VARCHAR(320)  NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (post_mortem_id, sort_order)
);
