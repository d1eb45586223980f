-- The road graph: directed, weighted links between sensors (edges.csv). Sensors are never deleted, so the keys stay
-- valid; the store checks that both sensors exist before it writes an edge.
CREATE TABLE road_edges (
    from_sensor bigint           NOT NULL REFERENCES sensors (key),
    to_sensor   bigint           NOT NULL REFERENCES sensors (key),
    weight      double precision NOT NULL CHECK (weight > 0),
    PRIMARY KEY (from_sensor, to_sensor)
);
