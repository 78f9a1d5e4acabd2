-- postmortem schema, version 3, PostgreSQL: the day and the zone on which a post-mortem's
-- timeline is placed, as columns so that figures across post-mortems can group by them.
-- Key moments and the impact and root cause details live in the content JSON; rows written
-- before this version read as "none written".

ALTER TABLE pm_post_mortem ADD COLUMN incident_date DATE;
-- An IANA id; every row written before this version placed its times in UTC.
ALTER TABLE pm_post_mortem ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC';
