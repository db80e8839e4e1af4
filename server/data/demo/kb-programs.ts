import type { KbArticle } from './kb-articles.ts';

/** Pricing programmes, migration playbooks and account-team best practices. */
export const KB_PROGRAMS: readonly KbArticle[] = [
  {
    slug: 'committed-use-discounts',
    title: 'Cloud Compute: committed-use discounts and savings plans',
    product: 'Cloud Compute',
    ageDays: 90,
    body: `Committed-use agreements exchange a commitment to a minimum monthly spend for a discount on the committed portion. One-year terms earn up to 20% off list price and three-year terms up to 35%; usage above the commitment is billed at on-demand rates.

Commit to the floor, not the peak. Look at the last twelve months of usage and take the lowest month, after rightsizing, as the commitment level. Seasonal businesses should commit to their off-season baseline and cover peaks on demand.

Commitments apply across instance families and regions, so customers can modernise their fleet without losing the discount. Unused commitment is not refunded, which is why a steady or growing usage trend is the signal to propose one.

Account teams should propose a commitment when an account's compute spend has grown for at least six consecutive months, when a renewal is within two quarters, or when a new technology leader is reviewing costs and wants predictable bills. A declining trend calls for a consumption review first: a commitment sized on past peaks turns into wasted spend and churn risk.

Commitments can be combined with the Migration Acceleration Program: credits offset the cost of running old and new environments in parallel during a migration, while the commitment discount applies to the steady state afterwards.`,
  },
  {
    slug: 'migration-acceleration-program',
    title: 'Migration Acceleration Program',
    product: 'Cloud Compute',
    ageDays: 180,
    body: `The Migration Acceleration Program funds the move of existing workloads from on-premises data centres or other clouds. It has three phases.

Assess: a free discovery of the customer's estate with a business case, delivered by our solutions architects or a certified partner in two to four weeks.

Mobilise: a landing zone, security baseline and pilot migration of a few representative applications. Eligible customers receive credits that offset the cost of running the pilot.

Migrate and modernise: the bulk migration, with credits of up to 25% of the first-year committed spend on the migrated workloads, paid monthly as workloads go live. Partner services can be co-funded.

Eligibility. The customer should plan to migrate workloads representing at least $150,000 of annual spend and agree to a migration plan with milestones. Credits expire twelve months after the start of the migrate phase; unused credits are not paid out.

How to apply. The account owner submits the business case and migration plan in the partner portal. Approval usually takes five business days. Proposed investments appear on the account as investments with status proposed until they are approved, active while credits are being consumed, and expired at the end of the term.

The programme pairs well with Data Warehouse migrations from on-premises appliances and with Managed Databases migrations.`,
  },
  {
    slug: 'data-warehouse-migration-playbook',
    title: 'Data Warehouse: migration playbook from on-premises appliances',
    product: 'Data Warehouse',
    ageDays: 270,
    body: `Migrating an on-premises data warehouse is as much an organisational project as a technical one. This playbook describes the approach that works for most customers.

Inventory the estate: schemas, table sizes, ETL jobs, reports, and the teams that own them. Rank workloads by business value and by migration complexity, and start with a high-value, low-complexity domain such as finance reporting.

Move the data first. Bulk-load history through Object Storage, then set up change data capture for incremental loads. Keep both warehouses in sync during the transition and compare row counts and key aggregates daily.

Convert the code. Automated tools convert most SQL dialect differences; stored procedures and proprietary functions need manual work. Re-platform ETL jobs onto the ELT pattern, where transformations run inside the warehouse and scale with it.

Switch the consumers. Repoint dashboards and extracts domain by domain, and decommission the old tables as soon as each domain is verified. Running two warehouses for a long time is the most common cause of budget overruns.

Govern from day one with role-based access, row-level security for shared datasets and resource monitors on every warehouse.

Typical timelines are three to six months for mid-sized estates. Migration credits from the Migration Acceleration Program and certified partners can shorten this and offset the cost of the parallel run.`,
  },
  {
    slug: 'ai-innovation-program',
    title: 'AI Innovation Program: funded pilots for AI Services',
    product: 'AI Services',
    ageDays: 45,
    body: `The AI Innovation Program helps customers take a first generative-AI use case from idea to production. It funds a scoped pilot of six to ten weeks with AI Services credits and, where useful, partner engineering hours.

What qualifies. A use case with a measurable business outcome, an executive sponsor, access to the data the pilot needs and a plan to move to production if the success criteria are met. Good candidates are document summarisation, customer-service assistants, search over internal knowledge, and forecasting with language interfaces.

What the customer gets. Credits sized to the pilot, typically $10,000 to $50,000; an architecture workshop; a responsible-AI review covering data handling, evaluation and human oversight; and a production-readiness review at the end.

How to run it. Agree success criteria in the first week, for example a 30% reduction in handling time at equal quality. Build an evaluation set before writing prompts. Review results with the sponsor every two weeks.

After the pilot, most customers move to production with a committed-use agreement for AI Services. Accounts with a high propensity score for AI Services, a recent funding round or a new technology leader with an AI agenda are the best candidates to nominate.

Nominations are made by the account owner and reviewed weekly; the programme has a fixed quarterly budget, so early nominations are more likely to be funded.`,
  },
  {
    slug: 'consumption-recovery-playbook',
    title: 'Account health: recovering declining consumption',
    product: 'Cloud Compute',
    ageDays: 120,
    body: `A decline in monthly consumption is the earliest and most reliable churn signal we have: it usually appears two to three quarters before a customer fails to renew. This playbook describes how account teams respond.

Diagnose before you pitch. Compare spend by product over the last six months and find where it fell. A drop after an optimisation project is healthy; a drop because workloads moved to another provider is not. Check open support cases, especially escalated sev1 and sev2 cases, and look for leadership changes or cost-cutting announcements in recent news and earnings.

Re-engage the sponsor. If the last executive meeting was more than 60 days ago, request one. Bring a consumption review that shows what the customer runs, what it costs and where they could save. Customers respond better to an honest cost review than to an upsell.

Fix what hurts. Close out open escalations with a post-incident review, and offer service credits where the service-level agreement allows. Prioritise the customer's top feature requests with the product team and share dates.

Re-anchor the value. Propose a modernisation step with clear savings, such as rightsizing, moving to committed-use pricing at the new baseline, or migrating a remaining workload with programme credits.

Track the churn-risk score weekly until consumption has stabilised for two consecutive months.`,
  },
  {
    slug: 'object-storage-replication',
    title: 'Object Storage: backup and cross-region replication best practices',
    product: 'Object Storage',
    ageDays: 365,
    body: `Backups protect against deletion and corruption; replication protects against the loss of a region. Most customers need both.

Replication. Enable cross-region replication on buckets that hold business-critical data. Replicate to a region in the same jurisdiction when data residency matters. Replication lag is normally seconds, but large multipart uploads can take longer; monitor the replication metrics and alert when lag exceeds fifteen minutes.

Backups. Turn on versioning and object lock for backup buckets so that backups cannot be deleted or encrypted by ransomware. Keep at least one copy in a separate account with separate credentials.

Costs. Replicated copies are billed as normal storage in the destination region, plus inter-region transfer. Send replicas directly to the Infrequent Access or Archive class to reduce cost, and use lifecycle rules to expire old versions.

Testing. A backup that has never been restored is a hope, not a backup. Schedule quarterly restore tests for a sample of objects and measure how long a full restore would take against the recovery-time objective.

For healthcare and financial-services customers, document the replication and retention design in the compliance pack; auditors ask for it. Sellers can use a resilience review as an entry point for Object Storage expansion and for Support Plus.`,
  },
];
