-- A host platform's own table and Flyway history, which postmortem must leave alone.
CREATE TABLE incident (
    id    VARCHAR(100) NOT NULL PRIMARY KEY,
    title VARCHAR(200) NOT NULL
);
INSERT INTO incident (id, title) VALUES ('INC-1', 'Checkout down');
