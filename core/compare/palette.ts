/**
 * The colours that mean something, chosen once for the app and the reports alike: what a box is (outcomes) and
 * which model a number or curve belongs to (A and B, hues no outcome uses). The reports print on white, so each
 * colour has a darker variant of the same hue there.
 */
export const OUTCOME_COLOURS = { tp: '#3b82f6', fp: '#ef4444', fn: '#f97316', ignored: '#9ca3af' } as const;

/** Model A violet, model B teal: on the app's dark panels. */
export const MODEL_COLOURS = ['#a78bfa', '#2dd4bf'] as const;
/** The same hues for white paper. */
export const MODEL_COLOURS_ON_WHITE = ['#7c3aed', '#0d9488'] as const;
