/** Category colours: distinct on dark backgrounds and on photos, readable with white label text on top. */
const PALETTE = ['#2ec27e', '#f6a623', '#3d9bff', '#e5534b', '#b07cff', '#1fc7c7', '#f06bb5', '#9ccc3c', '#ff8a50'];

export function categoryColour(categoryId: number): string {
  return PALETTE[(categoryId - 1 + PALETTE.length) % PALETTE.length];
}

export const SELECTION_COLOUR = '#ffffff';
/** The dark ring under a selected box's outline. */
export const HALO_COLOUR = 'rgba(0, 0, 0, 0.55)';
export const PREVIEW_COLOUR = '#ffd23f';
export const LABEL_BACKGROUND = 'rgba(10, 12, 16, 0.78)';

/** Predictions of the model shown: dashed, in a colour no category uses. */
export const PREDICTION_COLOUR = '#ff4fd8';
/** The tint of the prediction under the cursor, the one Enter accepts. */
export const PREDICTION_HOVER_FILL = 'rgba(255, 79, 216, 0.16)';
/** The ring around the case the compare view points at (a diff or label-error case): no box uses it. */
export const FOCUS_COLOUR = '#fde047';
