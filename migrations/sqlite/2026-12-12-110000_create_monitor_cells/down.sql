DROP TABLE monitor_periods;
DROP TABLE monitor_cells;
