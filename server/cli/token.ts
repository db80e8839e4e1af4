import { signDevToken } from '../auth/dev-tokens.ts';
import { loadEnvOrExit } from '../env.ts';

// Prints a dev JWT for a demo user: `npm run --silent token -- alice@example.com`.
const email = process.argv[2];
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
  console.error('usage: npm run --silent token -- EMAIL   (e.g. alice@example.com)');
  process.exit(2);
}
const env = loadEnvOrExit();
console.log(await signDevToken(email, { secret: env.DEV_JWT_SECRET }));
