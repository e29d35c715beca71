DROP TABLE practices;
DROP TABLE awards;
