/** The fictitious product catalogue every demo usage row, opportunity and KB article refers to. */
export interface Product {
  name: string;
  unit: string;
  /** List price per unit in USD. */
  price: number;
  /** Typical monthly units for an Enterprise account; Mid-Market and SMB are scaled down. */
  enterpriseUnits: readonly [number, number];
}

export const PRODUCTS: readonly Product[] = [
  { name: 'Cloud Compute', unit: 'vCPU-hours', price: 0.048, enterpriseUnits: [250_000, 900_000] },
  { name: 'Object Storage', unit: 'TB-months', price: 23, enterpriseUnits: [60, 450] },
  { name: 'Data Warehouse', unit: 'credits', price: 3, enterpriseUnits: [4_000, 30_000] },
  { name: 'AI Services', unit: 'tokens (M)', price: 2.5, enterpriseUnits: [800, 16_000] },
  { name: 'Managed Databases', unit: 'instance-hours', price: 0.34, enterpriseUnits: [6_000, 40_000] },
  { name: 'Support Plus', unit: 'seats', price: 45, enterpriseUnits: [40, 250] },
];

export const PRODUCT_NAMES = PRODUCTS.map((p) => p.name);

export function productByName(name: string): Product {
  const product = PRODUCTS.find((p) => p.name === name);
  if (!product) throw new Error(`unknown product ${name}`);
  return product;
}

export type Segment = 'Enterprise' | 'Mid-Market' | 'SMB';

export const SEGMENT_SCALE: Record<Segment, number> = { Enterprise: 1, 'Mid-Market': 0.2, SMB: 0.04 };

/** Usage of a product over the last 15 months: how the monthly units move. */
export type Trend = 'growth' | 'decline' | 'seasonal' | 'flat' | 'ramp';

// Multipliers by calendar month (Jan…Dec): retail-style peaks in November and December.
export const SEASONAL_FACTORS = [
  0.86, 0.82, 0.9, 0.94, 0.97, 0.95, 0.92, 0.96, 1.02, 1.1, 1.32, 1.45,
] as const;
