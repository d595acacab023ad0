DROP TABLE participation_statements;
