/**
 * Schema migrations, applied in order and recorded in schema_migrations. Append only: a migration
 * that has shipped is never edited, a new one is added instead.
 *
 * Row-level security: every account-scoped table is readable only where the account appears in
 * account_access for the user named by the per-transaction setting app.user_id. Queries run as the
 * non-superuser role app_user (see db.ts); the owner role bypasses RLS and is used only for
 * migrations, seeding and background bookkeeping that never returns account data to a caller.
 */
export interface Migration {
  id: string;
  sql: string;
  /**
   * Set on migrations that need pgvector: on a PostgreSQL without it they wait (unrecorded) until
   * the extension is installed, and everything else still works.
   */
  requires?: 'vector';
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '001_core',
    sql: `
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN;
  END IF;
  -- The connecting (owner) role must be able to SET ROLE app_user for per-user transactions.
  EXECUTE format('GRANT app_user TO %I', current_user);
END $$;

CREATE FUNCTION app_current_user() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.user_id', true), '') $$;

CREATE TABLE users (
  id text PRIMARY KEY,              -- e-mail address, the JWT subject
  name text NOT NULL,
  title text NOT NULL,
  role text NOT NULL CHECK (role IN ('seller', 'manager', 'admin'))
);

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  industry text,
  website text,
  phone text,
  billing_city text,
  billing_country text,
  employees integer,
  annual_revenue numeric(16, 2),
  segment text,
  description text,
  owner_id text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX accounts_name_lower ON accounts (lower(name));

CREATE TABLE account_access (
  user_id text NOT NULL REFERENCES users(id),
  account_id text NOT NULL REFERENCES accounts(id),
  PRIMARY KEY (user_id, account_id)
);
CREATE INDEX account_access_account ON account_access (account_id);

CREATE FUNCTION app_can_see(acc text) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT EXISTS (SELECT 1 FROM account_access a WHERE a.account_id = acc AND a.user_id = app_current_user()) $$;

CREATE TABLE contacts (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  name text NOT NULL,
  title text,
  email text,
  phone text,
  is_primary boolean NOT NULL DEFAULT false
);
CREATE INDEX contacts_account ON contacts (account_id);

CREATE TABLE opportunities (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  name text NOT NULL,
  product text,
  stage text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'stalled', 'won', 'lost')),
  amount numeric(14, 2) NOT NULL,
  probability integer NOT NULL,
  close_date date NOT NULL,
  partner text,
  next_step text,
  last_activity_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX opportunities_account ON opportunities (account_id);

CREATE TABLE activities (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  type text NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'note')),
  subject text NOT NULL,
  occurs_at timestamptz NOT NULL,   -- past for logged activities, future for upcoming meetings
  owner_id text REFERENCES users(id),
  contact_id text REFERENCES contacts(id),
  notes text
);
CREATE INDEX activities_account ON activities (account_id, occurs_at);

CREATE TABLE usage_monthly (
  account_id text NOT NULL REFERENCES accounts(id),
  product text NOT NULL,
  month date NOT NULL,              -- first day of the month
  units numeric(14, 2) NOT NULL,
  unit text NOT NULL,
  spend numeric(14, 2) NOT NULL,
  PRIMARY KEY (account_id, product, month)
);

CREATE TABLE support_cases (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  case_number text NOT NULL,
  subject text NOT NULL,
  product text,
  severity text NOT NULL CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4')),
  status text NOT NULL CHECK (status IN ('open', 'escalated', 'closed')),
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  description text
);
CREATE INDEX support_cases_account ON support_cases (account_id);

CREATE TABLE investments (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  kind text NOT NULL CHECK (kind IN ('credit', 'program', 'funding')),
  name text NOT NULL,
  amount numeric(14, 2) NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'active', 'expired')),
  starts_on date NOT NULL,
  ends_on date NOT NULL
);
CREATE INDEX investments_account ON investments (account_id);

CREATE TABLE feature_requests (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  title text NOT NULL,
  product text,
  status text NOT NULL CHECK (status IN ('submitted', 'planned', 'shipped', 'declined')),
  priority text NOT NULL CHECK (priority IN ('low', 'medium', 'high')),
  requested_at timestamptz NOT NULL
);
CREATE INDEX feature_requests_account ON feature_requests (account_id);

CREATE TABLE ml_insights (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  kind text NOT NULL CHECK (kind IN ('propensity', 'churn_risk', 'expansion')),
  product text,
  score numeric(4, 3) NOT NULL CHECK (score BETWEEN 0 AND 1),
  drivers text NOT NULL,
  computed_at timestamptz NOT NULL
);
CREATE INDEX ml_insights_account ON ml_insights (account_id);

-- Knowledge base (account_id NULL: global, readable by all), news, filings and meeting notes.
CREATE TABLE documents (
  id text PRIMARY KEY,
  account_id text REFERENCES accounts(id),
  kind text NOT NULL CHECK (kind IN ('kb', 'news', 'filing', 'meeting_note')),
  title text NOT NULL,
  url text,
  source text,
  product text,
  published_at timestamptz NOT NULL,
  body text NOT NULL,
  content_hash text NOT NULL
);
CREATE INDEX documents_account ON documents (account_id, published_at DESC);

CREATE TABLE summary_requests (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  account_id text NOT NULL REFERENCES accounts(id),
  status text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'partial', 'failed')),
  sections text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX summary_requests_expiry ON summary_requests (expires_at);

CREATE TABLE summary_sections (
  request_id text NOT NULL REFERENCES summary_requests(id) ON DELETE CASCADE,
  section_id text NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
  markdown text,
  citations jsonb NOT NULL DEFAULT '[]',
  checks jsonb NOT NULL DEFAULT '{}',
  chart jsonb,
  model text,
  prompt_version text,
  latency_ms integer,
  error text,
  PRIMARY KEY (request_id, section_id)
);

-- Feedback keeps ids, rating, comment and model/prompt version, never the generated content.
CREATE TABLE feedback (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id text NOT NULL,
  user_id text NOT NULL REFERENCES users(id),
  account_id text NOT NULL REFERENCES accounts(id),
  section_id text,
  rating text NOT NULL CHECK (rating IN ('up', 'down')),
  reason text,
  comment text,
  model text,
  prompt_version text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Row-level security ---------------------------------------------------------------------------
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_self ON users USING (id = app_current_user());

ALTER TABLE account_access ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_own ON account_access USING (user_id = app_current_user());

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_visible ON accounts USING (app_can_see(id));

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY contacts_visible ON contacts USING (app_can_see(account_id));
ALTER TABLE opportunities ENABLE ROW LEVEL SECURITY;
CREATE POLICY opportunities_visible ON opportunities USING (app_can_see(account_id));
ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY activities_visible ON activities USING (app_can_see(account_id));
ALTER TABLE usage_monthly ENABLE ROW LEVEL SECURITY;
CREATE POLICY usage_visible ON usage_monthly USING (app_can_see(account_id));
ALTER TABLE support_cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY support_visible ON support_cases USING (app_can_see(account_id));
ALTER TABLE investments ENABLE ROW LEVEL SECURITY;
CREATE POLICY investments_visible ON investments USING (app_can_see(account_id));
ALTER TABLE feature_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY feature_requests_visible ON feature_requests USING (app_can_see(account_id));
ALTER TABLE ml_insights ENABLE ROW LEVEL SECURITY;
CREATE POLICY insights_visible ON ml_insights USING (app_can_see(account_id));
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_visible ON documents USING (account_id IS NULL OR app_can_see(account_id));

-- A request is the requester's own, and only while the account is still visible to them.
ALTER TABLE summary_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY requests_own ON summary_requests
  USING (user_id = app_current_user() AND app_can_see(account_id))
  WITH CHECK (user_id = app_current_user() AND app_can_see(account_id));
ALTER TABLE summary_sections ENABLE ROW LEVEL SECURITY;
CREATE POLICY sections_own ON summary_sections
  USING (EXISTS (SELECT 1 FROM summary_requests r WHERE r.id = request_id))
  WITH CHECK (EXISTS (SELECT 1 FROM summary_requests r WHERE r.id = request_id));

ALTER TABLE feedback ENABLE ROW LEVEL SECURITY;
CREATE POLICY feedback_own ON feedback
  USING (user_id = app_current_user())
  WITH CHECK (user_id = app_current_user() AND app_can_see(account_id));

GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_user;
GRANT INSERT, UPDATE, DELETE ON summary_requests, summary_sections TO app_user;
GRANT INSERT ON feedback TO app_user;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO app_user;
`,
  },
  {
    // Retrieval index (server/retrieval, server/ingest). vector(512): one size that both the local
    // lexical embedder and Titan Text Embeddings v2 (256/512/1024) produce, so switching provider
    // re-embeds (document_index.content_key changes) without a schema change. Must equal
    // EMBEDDING_DIMENSIONS in server/retrieval/constants.ts.
    id: '002_chunks',
    requires: 'vector',
    sql: `
CREATE TABLE chunks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord integer NOT NULL,
  -- Copied from the document so filters and RLS never need a join on the hot path.
  account_id text REFERENCES accounts(id),
  kind text NOT NULL,
  product text,
  published_at timestamptz NOT NULL,
  title text NOT NULL,
  source_url text,
  text text NOT NULL,
  token_count integer NOT NULL,
  embedding vector(512) NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || to_tsvector('english', text)
  ) STORED,
  UNIQUE (document_id, ord)
);
-- A 512-d vector (2 KB) is just over the TOAST threshold: kept inline, k-NN over an account's rows
-- reads them from the heap instead of one TOAST lookup per distance (about 2x faster measured).
ALTER TABLE chunks ALTER COLUMN embedding SET STORAGE PLAIN;
-- And rows up to a page stay uncompressed, so full-text search does not decompress tsv per row.
ALTER TABLE chunks SET (toast_tuple_target = 8160);
CREATE INDEX chunks_embedding ON chunks USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunks_filter ON chunks (account_id, kind, published_at);
CREATE INDEX chunks_tsv ON chunks USING gin (tsv);

ALTER TABLE chunks ENABLE ROW LEVEL SECURITY;
-- Same rule as documents (global rows, or an account the user may see), written as IN (…) so the
-- planner hashes the user's accounts once per query instead of probing account_access per row.
CREATE POLICY chunks_visible ON chunks USING (
  account_id IS NULL
  OR account_id IN (SELECT a.account_id FROM account_access a WHERE a.user_id = app_current_user())
);
GRANT SELECT ON chunks TO app_user;

-- What was indexed from each document, so an unchanged document is skipped (never re-embedded).
-- Bookkeeping for the owner role only: no grant to app_user.
CREATE TABLE document_index (
  document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  content_key text NOT NULL,        -- content hash, title, embedder, chunker: a change re-embeds
  metadata_key text NOT NULL,       -- account, kind, product, date, url: a change updates rows only
  embedder text NOT NULL,           -- which model made the vectors (for operators)
  chunk_count integer NOT NULL,
  indexed_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE document_index ENABLE ROW LEVEL SECURITY;
`,
  },
  {
    // Generation queue (server/queue): one job per summary request, enqueued by POST in the request's
    // own transaction, claimed by any server process with FOR UPDATE SKIP LOCKED under a lease that
    // its worker heartbeats; a lease that runs out is reclaimed by another process. Ids, states and
    // times only, never generated text; deleted when the request expires.
    id: '003_generation_jobs',
    sql: `
CREATE TABLE generation_jobs (
  request_id text PRIMARY KEY REFERENCES summary_requests(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id),
  account_id text NOT NULL REFERENCES accounts(id),
  sections text[] NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  lease_owner text,                 -- the worker holding the job (host:pid:random)
  lease_expires_at timestamptz,     -- pushed forward by each heartbeat; past = reclaimable
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX generation_jobs_live ON generation_jobs (created_at) WHERE state IN ('queued', 'running');

-- Wakes LISTENing workers when a job is enqueued (delivered on commit; payload carries nothing).
CREATE FUNCTION generation_jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('generation_jobs', '');
  RETURN NULL;
END $$;
CREATE TRIGGER generation_jobs_enqueued AFTER INSERT ON generation_jobs
  FOR EACH ROW EXECUTE FUNCTION generation_jobs_notify();

-- The user enqueues their own request's job and may read and share-lock it (a running job's writes
-- check the lease under that lock, which needs an UPDATE privilege); claims, heartbeats and retries
-- are the owner role's.
ALTER TABLE generation_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY jobs_own ON generation_jobs
  USING (user_id = app_current_user() AND app_can_see(account_id))
  WITH CHECK (
    user_id = app_current_user() AND app_can_see(account_id)
    AND EXISTS (SELECT 1 FROM summary_requests r WHERE r.id = request_id)
  );
GRANT SELECT, INSERT ON generation_jobs TO app_user;
GRANT UPDATE (heartbeat_at) ON generation_jobs TO app_user;

-- Requests left unfinished by a server that ran before this queue existed.
INSERT INTO generation_jobs (request_id, user_id, account_id, sections)
SELECT id, user_id, account_id, sections FROM summary_requests
 WHERE status IN ('pending', 'running') AND expires_at > now();
`,
  },
  {
    // Proactive delivery (server/delivery). One row per meeting, seller and channel: the unique key is
    // the idempotency key, so restarts and several processes never deliver twice. Rows hold ids,
    // times and states only, never generated text (the brief stays in summary_sections until its TTL).
    id: '004_deliveries',
    sql: `
-- Where to reach a user outside the extension; a user reads only their own row.
CREATE TABLE delivery_targets (
  user_id text PRIMARY KEY REFERENCES users(id),
  slack_user_id text CHECK (slack_user_id ~ '^[UW][A-Z0-9]+$')
);
ALTER TABLE delivery_targets ENABLE ROW LEVEL SECURITY;
CREATE POLICY delivery_targets_own ON delivery_targets USING (user_id = app_current_user());
GRANT SELECT ON delivery_targets TO app_user;

CREATE TABLE deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id text NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id),
  account_id text NOT NULL REFERENCES accounts(id),
  channel text NOT NULL CHECK (channel IN ('browser', 'slack')),
  status text NOT NULL CHECK (status IN ('pending', 'generating', 'sending', 'delivered', 'failed')),
  meeting_at timestamptz NOT NULL,
  request_id text,                  -- the pre-generated summary request (its text expires on its own)
  attempts integer NOT NULL DEFAULT 0,
  lease_until timestamptz,          -- a worker's hold on a generating row; a crashed worker's runs out
  next_attempt_at timestamptz,      -- set on a failure that will be retried; NULL = final
  last_error text,                  -- a content-free reason
  slack_channel text,
  slack_ts text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  UNIQUE (activity_id, user_id, channel)
);
CREATE INDEX deliveries_due ON deliveries (status, meeting_at);
CREATE INDEX deliveries_user_delivered ON deliveries (user_id, delivered_at);
-- Claimed and read as the seller: only their own rows, and only of accounts they may still see.
ALTER TABLE deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY deliveries_own ON deliveries
  USING (user_id = app_current_user() AND app_can_see(account_id))
  WITH CHECK (user_id = app_current_user() AND app_can_see(account_id));
GRANT SELECT, INSERT ON deliveries TO app_user;
`,
  },
  {
    // A job's lease fence that fails the transaction instead of returning no row: a transaction's
    // first statements (fence, reads, the write) go to the database in one message
    // (server/data/db.ts), so a fence that only returned nothing could not stop the write behind it.
    id: '005_lease_fence',
    sql: `
-- Run as the job's user (security invoker, so row-level security applies as before); the share
-- lock on the job row lasts until the transaction ends, so a reclaim cannot interleave.
CREATE FUNCTION hold_lease(job_request text, job_owner text, job_attempts integer)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM generation_jobs
   WHERE request_id = job_request AND lease_owner = job_owner AND attempts = job_attempts
     AND state = 'running'
     FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'this worker no longer holds the lease on summary %', job_request
      USING ERRCODE = 'AS409';
  END IF;
  RETURN true;
END $$;
`,
  },
];
