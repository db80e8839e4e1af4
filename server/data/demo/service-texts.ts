/** Support case subjects and feature request titles, by product. */

// biome-ignore format: a word list reads best packed
export const CASE_SUBJECTS: Record<string, readonly string[]> = {
  'Cloud Compute': ['Instances failing health checks after kernel update', 'Autoscaling group not scaling out under load', 'vCPU quota increase blocked in secondary region', 'Intermittent network latency between zones'],
  'Object Storage': ['Slow multipart uploads from on-premises sites', 'Lifecycle rule did not transition objects to archive', 'Access denied on cross-account bucket policy', 'Replication lag to the secondary region'],
  'Data Warehouse': ['Nightly ETL queries timing out', 'Unexpected credit consumption spike', 'Materialized view refresh failing', 'BI connector authentication errors'],
  'AI Services': ['Rate limiting on the inference endpoint', 'Model latency above the agreed target', 'Content filter blocking valid prompts', 'Fine-tuning job stuck in queue'],
  'Managed Databases': ['Failover took longer than expected', 'Replica lag during peak hours', 'Major version upgrade blocked by extension', 'Connection pool exhaustion under load'],
  'Support Plus': ['Request for a designated technical account manager', 'Escalation contact list out of date', 'Support portal access for new team members'],
};

export const SEVERITY_IMPACT: Record<string, string> = {
  sev1: 'Production is down or severely degraded for business-critical workloads; engineering is engaged around the clock.',
  sev2: 'Production is impaired with a partial workaround; the customer expects a fix within days.',
  sev3: 'A non-critical issue with a workaround in place.',
  sev4: 'A question or minor issue with no business impact.',
};

// biome-ignore format: a word list reads best packed
export const FEATURE_TITLES: Record<string, readonly string[]> = {
  'Cloud Compute': ['Per-second billing for GPU instances', 'Scheduled scaling by business calendar', 'Larger memory-optimised instance sizes'],
  'Object Storage': ['Object-level retention reports', 'Cheaper archive retrieval tier', 'Bucket inventory exports in Parquet'],
  'Data Warehouse': ['Row-level security on shared datasets', 'Native dbt integration', 'Cross-region data sharing'],
  'AI Services': ['EU-only model hosting', 'Batch inference API', 'Prompt caching for long documents'],
  'Managed Databases': ['Zero-downtime major version upgrades', 'Point-in-time restore beyond 35 days', 'Cross-region read replicas'],
  'Support Plus': ['Shared Slack channel for escalations', 'Quarterly support health report'],
};

/** Investment names by kind; each takes the product it funds (programmes only fit some products). */
// biome-ignore format: a word list reads best packed
export const INVESTMENT_NAMES: Record<'credit' | 'program' | 'funding', (product: string) => readonly string[]> = {
  credit: (p) => [`${p} migration credits`, `${p} consumption credits`, `${p} proof-of-concept credits`],
  program: (p) =>
    p === 'AI Services' ? ['AI Innovation Program']
    : p === 'Data Warehouse' ? ['Data Modernisation Program', 'Migration Acceleration Program']
    : p === 'Object Storage' ? ['Well-Architected Review: storage resilience']
    : ['Migration Acceleration Program', `Well-Architected Review: ${p}`],
  funding: (p) => [`${p} proof-of-concept funding`, `Partner co-sell funding: ${p}`, `${p} training and enablement fund`],
};
