-- The host's own table, migrated by the host's own Flyway before postmortem's pm_ tables.
CREATE TABLE team (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
