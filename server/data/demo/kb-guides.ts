import type { KbArticle } from './kb-articles.ts';

/** Product guides and best practices (one article a product area). */
export const KB_GUIDES: readonly KbArticle[] = [
  {
    slug: 'cloud-compute-rightsizing',
    title: 'Cloud Compute: rightsizing and autoscaling guide',
    product: 'Cloud Compute',
    ageDays: 210,
    body: `Most Cloud Compute fleets are over-provisioned: in our reviews, the median instance uses less than 30% of its vCPUs over a month. Rightsizing is the fastest way to cut spend without changing an application.

Start with data. Export four weeks of CPU, memory and network metrics per instance and flag any instance whose 95th-percentile CPU stays under 40%. Move those to the next smaller size or to a burstable family. Memory-bound services should move to memory-optimised sizes rather than larger general-purpose ones.

Then make capacity follow demand. Put stateless services in autoscaling groups with a target-tracking policy on CPU or request rate, and set a scheduled minimum for predictable peaks such as month-end batch runs or holiday retail traffic. Scale-in protection belongs only on instances that hold state.

Finally, commit to the baseline. Once the fleet is rightsized, the steady floor of usage is a good candidate for committed-use discounts, while peaks stay on demand. Review the fleet every quarter: new instance generations usually offer better price-performance, and a quarterly review keeps the savings from drifting away.

Sellers: a rightsizing review is a strong conversation opener when an account's Cloud Compute spend is growing faster than its business, or when a new technology leader has announced a cost review. Offer a Well-Architected Review at no cost to the customer.`,
  },
  {
    slug: 'object-storage-lifecycle',
    title: 'Object Storage: lifecycle policies and storage classes',
    product: 'Object Storage',
    ageDays: 320,
    body: `Object Storage offers three classes: Standard for frequently read data, Infrequent Access for data read less than once a month, and Archive for data kept for compliance and rarely read. Storage in Archive costs about a fifth of Standard, but retrievals take hours and are charged per gigabyte.

Lifecycle policies move objects between classes automatically. A typical policy for logs and backups moves objects to Infrequent Access after 30 days, to Archive after 90 days, and deletes them when the retention period ends. Apply policies by prefix or by tag so that hot datasets are not archived by mistake.

Before enabling a policy, look at access patterns: the storage analytics report shows, per prefix, how often objects are read after they are written. Data that is read in bulk once a quarter, such as model training sets, is usually cheaper in Infrequent Access than in Archive because retrieval fees dominate.

Versioned buckets need a rule for noncurrent versions too; otherwise old versions accumulate silently and can double the stored volume within a year.

For regulated industries such as healthcare, insurance and financial services, combine lifecycle rules with object lock to meet retention requirements. Cross-region replication can target the Archive class directly in the secondary region, which keeps disaster-recovery copies inexpensive.`,
  },
  {
    slug: 'data-warehouse-performance',
    title: 'Data Warehouse: query performance and credit optimisation',
    product: 'Data Warehouse',
    ageDays: 150,
    body: `Data Warehouse bills compute in credits, consumed while a virtual warehouse runs. Most unexpected credit spikes come from three causes: warehouses that never suspend, oversized warehouses for small queries, and full-table scans caused by missing clustering.

Set auto-suspend to 60 seconds for interactive and BI warehouses and to a few minutes for ETL warehouses that run back-to-back jobs. Use separate warehouses per workload so that a heavy transformation job does not force the dashboard warehouse to scale up.

Size by measurement, not by habit. Run the slowest recurring queries on two sizes: when doubling the size does not halve the runtime, the smaller size is the better buy. Multi-cluster scaling is for concurrency, not for making single queries faster.

Cluster large fact tables on the columns used in filters, usually a date and a tenant or region key, and check the pruning ratio in the query profile. Materialized views help with repeated aggregations but consume credits on refresh; schedule refreshes to match how fresh the dashboards need to be.

Resource monitors cap monthly credits per warehouse and notify owners at 80% of budget. Customers who adopt these practices typically reduce credit consumption by a quarter while running the same workloads, which frees budget for new analytics and AI use cases.`,
  },
  {
    slug: 'ai-services-getting-started',
    title: 'AI Services: getting started and cost controls',
    product: 'AI Services',
    ageDays: 60,
    body: `AI Services provides hosted foundation models for text generation, summarisation, embeddings and classification through one API. Usage is billed per million tokens processed, input and output combined.

A successful first project is narrow and measurable: summarising support cases, drafting replies, classifying documents or extracting fields from forms. Pick a workload with a clear baseline, such as handling time per case, so the pilot can show value within weeks.

Keep costs predictable from day one. Set a monthly token budget per application and alert at 80%. Send only the context a task needs: retrieval that selects the five most relevant passages usually beats pasting whole documents, both in cost and in answer quality. Cache responses for repeated prompts, and use the smaller model tier for classification and routing while reserving the larger tier for reasoning-heavy tasks.

For production, log prompts and responses without personal data, evaluate outputs against a fixed test set before every model or prompt change, and keep a human in the loop for decisions that affect customers. Customer data sent to AI Services is not used to train models.

Regional model hosting is available for customers with data-residency requirements. Accounts exploring AI for the first time can apply for the AI Innovation Program, which funds a scoped pilot.`,
  },
  {
    slug: 'managed-databases-migration',
    title: 'Managed Databases: migration playbook for PostgreSQL and MySQL',
    product: 'Managed Databases',
    ageDays: 240,
    body: `Moving a self-managed PostgreSQL or MySQL database to Managed Databases removes patching, backups and failover from the customer's operations team. This playbook covers the usual sequence.

Assess. Inventory databases, versions, extensions, sizes and peak transactions per second. Flag extensions that are not supported and applications that rely on superuser access. Most databases under two terabytes migrate with online replication and a cutover window of minutes.

Design. Choose an instance class from the observed peak, not the current hardware; enable high availability with a standby in a second zone for production; and size storage with 30% headroom. Plan connection pooling: managed instances have connection limits and serverless applications can exhaust them quickly.

Migrate. Create the target, load a snapshot, then start continuous replication from the source. Validate row counts and run the application's test suite against a read-only copy. Rehearse the cutover at least once.

Cut over. Stop writes, wait for replication lag to reach zero, switch the application's connection string and keep the source read-only for a rollback window of a few days.

Operate. Turn on automated backups with point-in-time restore, performance insights and alerts on replica lag and storage. Partners listed in the partner directory can run the whole migration under the Migration Acceleration Program.`,
  },
  {
    slug: 'support-plus-escalations',
    title: 'Support Plus: severity definitions and escalation process',
    product: 'Support Plus',
    ageDays: 400,
    body: `Support Plus gives customers a designated technical account manager, faster response targets and access to the escalation process described here.

Severity levels. Sev1: production is down or severely degraded for business-critical workloads; response within 15 minutes, around the clock. Sev2: production is impaired and only a partial workaround exists; response within one hour. Sev3: a non-critical issue with a workaround; response within one business day. Sev4: a question or minor issue; response within two business days.

Escalation. A customer or account team may escalate any case that is not progressing. Escalated cases get a named incident manager, an update at least every hour for sev1 and every four hours for sev2, and a post-incident review within five business days of resolution. The review covers the timeline, root cause, remediation and any service credits due under the service-level agreement.

Account teams. When a sev1 is escalated, the account owner should inform the customer's executive sponsor the same day, pause commercial conversations that depend on the affected service, and schedule the post-incident review as a meeting with the customer. Open escalations are a leading indicator of churn risk and should be reflected in the account plan.

Health reviews. Every quarter the technical account manager shares a support health report with case volumes, response times and open feature requests.`,
  },
];
