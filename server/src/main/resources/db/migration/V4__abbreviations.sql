-- Abbreviations a unit adds to the normaliser's dictionary (HTX -> hợp tác xã); they apply to the unit and below.
CREATE TABLE abbreviation (
    unit_id     VARCHAR(64)  NOT NULL REFERENCES zone (id),
    short_form  VARCHAR(40)  NOT NULL,
    spoken      VARCHAR(200) NOT NULL,
    PRIMARY KEY (unit_id, short_form)
);
