/** The seeded generator the bootstrap uses, so that benchmarks and test data are the same on every run. */
export { seededRandom as seeded } from '../core/compare/seededRandom.js';
