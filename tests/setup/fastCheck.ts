import fc from 'fast-check';

// On CI every property test runs from one fixed seed, so a red run can be replayed exactly;
// on a developer's machine each run explores new inputs (FC_SEED pins one to replay).
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261123' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
