ALTER TABLE outbox DROP COLUMN list_unsubscribe;
DROP TABLE notifications_sent;
DROP TABLE unsubscribe_tokens;
DROP TABLE notification_settings;
