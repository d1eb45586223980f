-- A number that grows with every change to the zones (added, replaced or deleted, by any process on this database), so
-- that a node can keep its list of zones and read the list again only when it changed (IZoneStore.ZonesRevisionAsync).
-- A statement-level trigger bumps it in the changing statement's transaction.
CREATE TABLE zone_revision (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    revision bigint  NOT NULL
);

INSERT INTO zone_revision (only_row, revision) VALUES (true, 0);

CREATE FUNCTION bump_zone_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE zone_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER zones_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zones
    FOR EACH STATEMENT EXECUTE FUNCTION bump_zone_revision();
