DROP TABLE conversation_messages;
