/** Word lists for fictitious names. Nothing here is meant to name a real company or person. */

export interface CuratedAccount {
  name: string;
  industry: string;
  segment: 'Enterprise' | 'Mid-Market' | 'SMB';
  city: number;
}

/** Compound-name parts for generated accounts beyond the curated list ("Fern" + "hollow"). */
// biome-ignore format: a word list reads best packed
export const NAME_ROOTS = [
  'North', 'Blue', 'Silver', 'Copper', 'Harbor', 'Stone', 'Oak', 'Cedar', 'Pine', 'River',
  'Granite', 'Amber', 'Iron', 'Maple', 'Willow', 'Birch', 'Fern', 'Ash', 'Elm', 'Heron',
  'Wren', 'Lark', 'Fox', 'Raven', 'Falcon', 'Sea', 'Sun', 'Moon', 'Bright', 'Glen',
  'Crest', 'Brook', 'Mist', 'Frost', 'Coral', 'Bramble', 'Thistle', 'Hazel', 'Kestrel', 'Otter',
] as const;

// biome-ignore format: a word list reads best packed
export const NAME_ENDS = [
  'wind', 'field', 'ridge', 'brook', 'stone', 'water', 'line', 'gate', 'wood', 'haven',
  'crest', 'vale', 'mere', 'point', 'reach', 'bridge', 'mark', 'ford', 'view', 'wick',
  'hollow', 'moor', 'wave', 'light', 'well', 'bay', 'side', 'fall', 'spring', 'shore',
  'land', 'peak',
] as const;

/** Compounds that are (or read like) well-known firms or places; the generator avoids them. */
// biome-ignore format: a word list reads best packed
export const BLOCKED_COMPOUNDS = new Set([
  'Pinewood', 'Clearwater', 'Highmark', 'Ashford', 'Oakland', 'Deepwater', 'Silverpeak', 'Ashland',
  'Bluewater', 'Sunland', 'Oakwood', 'Riverside', 'Brookfield', 'Fernwood', 'Seaside', 'Mooncrest',
]);

/** The second word of a generated name decides the industry ("… Logistics" is in logistics). */
// biome-ignore format: a word list reads best packed
export const INDUSTRY_NOUNS: readonly (readonly [string, string])[] = [
  ['Logistics', 'Transportation & Logistics'], ['Freight', 'Transportation & Logistics'],
  ['Shipping', 'Transportation & Logistics'], ['Analytics', 'Software'], ['Software', 'Software'],
  ['Systems', 'Technology'], ['Networks', 'Telecommunications'], ['Telecom', 'Telecommunications'],
  ['Health', 'Healthcare'], ['Medical', 'Healthcare'], ['Biotech', 'Life Sciences'],
  ['Therapeutics', 'Life Sciences'], ['Diagnostics', 'Life Sciences'], ['Capital', 'Financial Services'],
  ['Insurance', 'Insurance'], ['Payments', 'Financial Services'], ['Bancorp', 'Financial Services'],
  ['Foods', 'Food & Beverage'], ['Brewing', 'Food & Beverage'], ['Grocers', 'Retail'], ['Outfitters', 'Retail'],
  ['Home Goods', 'Retail'], ['Energy', 'Energy & Utilities'], ['Solar', 'Energy & Utilities'],
  ['Utilities', 'Energy & Utilities'], ['Manufacturing', 'Manufacturing'], ['Industries', 'Manufacturing'],
  ['Robotics', 'Manufacturing'], ['Materials', 'Manufacturing'], ['Automotive', 'Automotive'],
  ['Media', 'Media & Entertainment'], ['Studios', 'Media & Entertainment'], ['Games', 'Media & Entertainment'],
  ['Publishing', 'Media & Entertainment'], ['Learning', 'Education'], ['Hospitality', 'Hospitality'],
  ['Travel', 'Hospitality'], ['Construction', 'Construction'], ['Properties', 'Real Estate'],
  ['Farms', 'Agriculture'], ['Agritech', 'Agriculture'], ['Consulting', 'Professional Services'],
  ['Security', 'Technology'], ['Aerospace', 'Aerospace & Defense'],
];

export const NAME_TAILS = ['', ' Group', ' International', ' Co.'] as const;

/** [city, country, international dialling code] */
// biome-ignore format: a word list reads best packed
export const CITIES: readonly (readonly [string, string, string])[] = [
  ['New York', 'United States', '+1'], ['Chicago', 'United States', '+1'], ['Seattle', 'United States', '+1'],
  ['Austin', 'United States', '+1'], ['Boston', 'United States', '+1'], ['Denver', 'United States', '+1'],
  ['Atlanta', 'United States', '+1'], ['San Diego', 'United States', '+1'], ['Minneapolis', 'United States', '+1'],
  ['Toronto', 'Canada', '+1'], ['Vancouver', 'Canada', '+1'], ['London', 'United Kingdom', '+44'],
  ['Manchester', 'United Kingdom', '+44'], ['Dublin', 'Ireland', '+353'], ['Amsterdam', 'Netherlands', '+31'],
  ['Berlin', 'Germany', '+49'], ['Munich', 'Germany', '+49'], ['Paris', 'France', '+33'], ['Lyon', 'France', '+33'],
  ['Milan', 'Italy', '+39'], ['Madrid', 'Spain', '+34'], ['Stockholm', 'Sweden', '+46'],
  ['Copenhagen', 'Denmark', '+45'], ['Zurich', 'Switzerland', '+41'], ['Sydney', 'Australia', '+61'],
  ['Melbourne', 'Australia', '+61'], ['Singapore', 'Singapore', '+65'], ['Tokyo', 'Japan', '+81'],
  ['Auckland', 'New Zealand', '+64'], ['São Paulo', 'Brazil', '+55'], ['Mexico City', 'Mexico', '+52'],
];

// biome-ignore format: a word list reads best packed
export const FIRST_NAMES = [
  'Priya', 'Daniel', 'Sofia', 'Marcus', 'Elena', 'James', 'Aisha', 'Tomás', 'Hannah', 'Kenji',
  'Olivia', 'Rafael', 'Grace', 'Mateo', 'Ingrid', 'Samuel', 'Leila', 'Oliver', 'Chloe', 'Ravi',
  'Amara', 'Lucas', 'Freya', 'Jonah', 'Mei', 'Noah', 'Zara', 'Henrik', 'Camila', 'Ethan',
  'Nadia', 'Victor', 'Isla', 'Diego', 'Yuki', 'Adrian', 'Fatima', 'Liam', 'Clara', 'Omar',
] as const;

// biome-ignore format: a word list reads best packed
export const LAST_NAMES = [
  'Patel', 'Okafor', 'Lindqvist', 'Moreau', 'Nakamura', 'Fischer', 'Alvarez', 'Brennan', 'Kowalski', 'Haddad',
  'Sørensen', 'Mensah', 'Duarte', 'Whitfield', 'Iyer', 'Castellano', 'Novak', 'Ferreira', 'Yamamoto', 'Keller',
  'Abernathy', 'Osei', 'Lambert', 'Varga', 'Quinlan', 'Reyes', 'Holloway', 'Chandra', 'Dubois', 'Eriksen',
  'Marsh', 'Tanaka', 'Oyelaran', 'Vasquez', 'Hartmann', 'Kaur', 'Delacroix', 'Brandt', 'Sato', 'Gallagher',
] as const;

/** The first title goes to the primary contact. */
// biome-ignore format: a word list reads best packed
export const EXECUTIVE_TITLES = [
  'Chief Information Officer', 'Chief Technology Officer', 'VP of Engineering', 'VP of Data & Analytics',
  'Chief Digital Officer', 'VP of IT Infrastructure',
] as const;
// biome-ignore format: a word list reads best packed
export const STAFF_TITLES = [
  'Director of Cloud Operations', 'Head of Data Platform', 'Procurement Manager', 'Principal Cloud Architect',
  'Director of Finance', 'Machine Learning Lead', 'IT Security Manager', 'Platform Engineering Manager',
] as const;

// biome-ignore format: a word list reads best packed
export const PARTNERS = [
  'Crestline Consulting', 'Summit Cloud Partners', 'Keystone Digital', 'Lattice Point Consulting',
  'Meadowlark Systems', 'Tessellate Data Partners', 'Norrland Advisory', 'Bluecurrent IT',
] as const;

// biome-ignore format: a word list reads best packed
export const INVESTORS = [
  'Harbor Point Ventures', 'Granite Arch Capital', 'Lowlands Growth Partners', 'Eastfield Ventures',
  'Copper Kettle Capital', 'Ridgeback Equity',
] as const;
