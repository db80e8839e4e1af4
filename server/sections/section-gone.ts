/** The section's request disappeared (expired or deleted) before its data was read. */
export class SectionGoneError extends Error {
  constructor() {
    super('The summary request no longer exists.');
    this.name = 'SectionGoneError';
  }
}
