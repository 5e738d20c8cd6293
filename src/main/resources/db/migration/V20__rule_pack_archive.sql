-- The rule pack archive: every pack that went live, content-addressed by its version (the SHA-256 the decision
-- records name), so any decision can be re-run with the exact rules it used. Insert only; runs on H2 and PostgreSQL.
CREATE TABLE rule_pack (
    version     VARCHAR(64)   NOT NULL PRIMARY KEY,
    archived_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source_dir  VARCHAR(1000),
    file_count  INTEGER       NOT NULL
);

CREATE TABLE rule_pack_file (
    version VARCHAR(64)  NOT NULL,
    path    VARCHAR(500) NOT NULL,
    content TEXT         NOT NULL,
    PRIMARY KEY (version, path)
);
