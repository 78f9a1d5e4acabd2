-- A host's own first migration, as a platform that embeds postmortem has one.
CREATE TABLE host_incident (
    id    VARCHAR(40)  PRIMARY KEY,
    title VARCHAR(200) NOT NULL
);
