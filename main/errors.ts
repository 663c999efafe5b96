/** An error whose message is meant for the user as it stands. */
export class PedlabError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PedlabError';
  }
}
