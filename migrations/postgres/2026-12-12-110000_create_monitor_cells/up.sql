-- The monitor's figures kept per lowest-level district and period (a month `2026-10` or a quarter
-- `2026-Q4`), worked out by a background pass from the source rows, so a question reads some sixty
-- rows. Only counts and sums: no row says who.
CREATE TABLE monitor_cells (
    indicator TEXT NOT NULL,
    period TEXT NOT NULL,
    district_id TEXT NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
    value BIGINT NOT NULL,
    residents BIGINT NOT NULL,
    PRIMARY KEY (indicator, period, district_id)
);

-- Which periods have figures (`computed_at`), and which a write made stale since (`stale_since`):
-- attendance recorded for an occurrence in it, a sign-up or a profile made in it.
CREATE TABLE monitor_periods (
    period TEXT PRIMARY KEY NOT NULL,
    computed_at TIMESTAMP NOT NULL,
    stale_since TIMESTAMP
);
