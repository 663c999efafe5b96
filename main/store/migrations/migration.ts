/** One schema step. Migrations are append-only: a shipped one is never edited, a new one gets the next number. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
