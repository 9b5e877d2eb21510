-- The bank accounts on the operators' allow-list, as allow-list.v1 tells them (case-service owns
-- the list): no advisory alert is raised for one of them (SPEC §5). A removed entry keeps its row,
-- not listed, with the time of its removal, so that an older change read late does not bring it
-- back.
CREATE TABLE allow_listed_account (
    bank_bin        VARCHAR(8)   NOT NULL,
    account_number  VARCHAR(40)  NOT NULL,
    listed          BOOLEAN      NOT NULL,
    changed_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (bank_bin, account_number)
);
