DROP TABLE occurrence_cancellations;
