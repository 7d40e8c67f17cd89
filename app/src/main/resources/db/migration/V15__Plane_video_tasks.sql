-- Video generations of the data plane (issue 12 §1): an asynchronous task per POST /v1/videos/generations, advanced by
-- the gateway's clock (queued → in_progress → completed | failed) and billed on completion by seconds × resolution
-- from a reservation made at submission. 'settling' is the claim one gateway takes while it bills the task, so two
-- gateways sharing the database never bill it twice; clients see it as in_progress.
CREATE TABLE video_tasks (
    id               VARCHAR(40)   PRIMARY KEY,
    account_id       VARCHAR(40)   NOT NULL,
    key_id           VARCHAR(40)   NOT NULL,
    key_mode         VARCHAR(10)   NOT NULL,
    tier             VARCHAR(20)   NOT NULL,
    model_id         VARCHAR(40)   NOT NULL,
    model_slug       VARCHAR(200)  NOT NULL,
    size             VARCHAR(40)   NOT NULL,
    seconds          INTEGER       NOT NULL,
    -- the prompt as the request log keeps it (secrets redacted, cut to 500 characters)
    prompt_excerpt   VARCHAR(600)  NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    reservation_id   VARCHAR(80)   NOT NULL,
    reserved         DECIMAL(20,6) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completes_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    failure          VARCHAR(500),
    CONSTRAINT video_tasks_status_check CHECK (status IN ('queued', 'in_progress', 'settling', 'completed', 'failed')),
    CONSTRAINT video_tasks_seconds_check CHECK (seconds > 0),
    CONSTRAINT video_tasks_reserved_check CHECK (reserved >= 0)
);
-- the sweep finds tasks due to finish; an account's tasks newest first
CREATE INDEX video_tasks_due_idx ON video_tasks (status, completes_at);
CREATE INDEX video_tasks_account_idx ON video_tasks (account_id, id DESC);
