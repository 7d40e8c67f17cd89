-- The model catalog (issue 2). A model's current price card is its rows in model_price_lines;
-- scheduled price changes (a later migration) will hold proposed lines and replace these when
-- they take effect, so the card itself stays a plain list.
CREATE TABLE models (
    id                 VARCHAR(40)    PRIMARY KEY,
    slug               VARCHAR(200)   NOT NULL UNIQUE,
    name               VARCHAR(200)   NOT NULL,
    provider           VARCHAR(100)   NOT NULL,
    family             VARCHAR(100)   NOT NULL,
    modality           VARCHAR(20)    NOT NULL,
    status             VARCHAR(20)    NOT NULL,
    context_window     INTEGER,
    max_output_tokens  INTEGER,
    -- image and video models: resolution options in display order, comma-separated ('' for none)
    resolutions        VARCHAR(500)   DEFAULT '' NOT NULL,
    currency           CHAR(3)        NOT NULL,
    markup             DECIMAL(20,6)  NOT NULL,
    released           DATE           NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT         DEFAULT 1 NOT NULL,
    -- Case-insensitive sort keys for the list order and its keyset cursor. Written with the
    -- database's own LOWER() and checked, so a writer that forgets them fails loudly.
    -- (H2 has no expression indexes and PostgreSQL needs STORED for generated columns.)
    provider_sort      VARCHAR(100)   NOT NULL,
    name_sort          VARCHAR(200)   NOT NULL,
    CONSTRAINT models_modality_check CHECK (modality IN ('chat', 'image', 'video', 'embedding', 'audio')),
    CONSTRAINT models_status_check CHECK (status IN ('active', 'deprecated', 'disabled')),
    CONSTRAINT models_context_check CHECK (context_window IS NULL OR context_window > 0),
    CONSTRAINT models_max_output_check CHECK (max_output_tokens IS NULL OR max_output_tokens > 0),
    CONSTRAINT models_markup_check CHECK (markup > 0),
    CONSTRAINT models_version_check CHECK (version >= 1),
    CONSTRAINT models_provider_sort_check CHECK (provider_sort = LOWER(provider)),
    CONSTRAINT models_name_sort_check CHECK (name_sort = LOWER(name))
);

-- List order (provider, name, id) doubles as the provider filter's index.
CREATE INDEX models_order_idx ON models (provider_sort, name_sort, id);
CREATE INDEX models_modality_idx ON models (modality, provider_sort, name_sort, id);
CREATE INDEX models_status_idx ON models (status, provider_sort, name_sort, id);

-- One line of a model's current price card (DESIGN §4 pricing units; apimart §2, decart §5.1).
CREATE TABLE model_price_lines (
    model_id   VARCHAR(40)    NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    position   INTEGER        NOT NULL,
    unit       VARCHAR(20)    NOT NULL,
    variant    VARCHAR(40),
    base       DECIMAL(20,6)  NOT NULL,
    api        DECIMAL(20,6)  NOT NULL,
    PRIMARY KEY (model_id, position),
    CONSTRAINT model_price_lines_unit_check CHECK (unit IN ('input_mtok', 'output_mtok', 'image', 'video_second')),
    CONSTRAINT model_price_lines_base_check CHECK (base >= 0),
    CONSTRAINT model_price_lines_api_check CHECK (api >= 0),
    CONSTRAINT model_price_lines_position_check CHECK (position >= 0)
);
