DROP TABLE attendance_changes;
DROP TABLE attendance;
