-- The case each absorbed case was merged into (cases.v1 MERGED): an alert names the case it was
-- raised in, and the case that carries on is the one whose closure refuses its answers.
CREATE TABLE case_merged (
    case_id      UUID         PRIMARY KEY,
    merged_into  UUID         NOT NULL,
    merged_at    TIMESTAMPTZ  NOT NULL
);
