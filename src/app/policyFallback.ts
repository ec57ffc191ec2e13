import { ensurePolicy } from './contentSecurityPolicy';

// The built page's policy is written by its bootstrap script (see contentSecurityPolicy.ts). Should
// that script not have run, the strict policy is written here. main.tsx imports this module first,
// so this runs before any other module of the app is evaluated: libraries that test once whether
// they may evaluate strings (zod) see the policy already in force.
if (import.meta.env.PROD) ensurePolicy();
