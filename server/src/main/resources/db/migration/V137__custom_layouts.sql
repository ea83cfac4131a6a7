-- Layouts a unit drew in the layout editor (issue 20): named regions as the JSON the templates in assets/layouts use.
-- A board's or a campaign's `layout` names a template or one of these; names never repeat a template's.
CREATE TABLE custom_layout (
    name       VARCHAR(64) PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    body       VARCHAR(100000) NOT NULL,
    owner_path VARCHAR(2000) NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
