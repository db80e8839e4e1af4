/** Bad ingest input (unknown format, empty or oversized file, invalid option): nothing was changed. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}
