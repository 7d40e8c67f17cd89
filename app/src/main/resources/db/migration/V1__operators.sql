-- Operators of the console. Bearer tokens are stored only as SHA-256 hex (DESIGN §3).
CREATE TABLE operators (
    id          VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(320) NOT NULL UNIQUE,
    role        VARCHAR(20)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled    BOOLEAN      DEFAULT FALSE NOT NULL,
    CONSTRAINT operators_role_check CHECK (role IN ('viewer', 'support', 'trust_safety', 'ops', 'lead'))
);
