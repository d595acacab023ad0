DROP TABLE attendance_monthly;
