-- A zone's recent densities as the live loop's zone monitor keeps them (one per minute slot, oldest first, NaN where
-- none), as little-endian doubles; last_slot_utc_ticks: the start of the newest slot.
CREATE TABLE zone_densities (
    zone_id             text   PRIMARY KEY,
    last_slot_utc_ticks bigint NOT NULL,
    densities           bytea  NOT NULL
);
