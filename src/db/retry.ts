// A transaction that lost a race with another (a serialization failure or a deadlock, which
// PostgreSQL resolves by ending one of them) wrote nothing: it is run again, a few times, after a
// short random wait, so every race ends in success or a typed error (S29), whatever the front door.
const RETRY_CODES = new Set(['40001', '40P01']);
const RETRIES = 3;

/** The SQLSTATE of a database error, as postgres.js or PGlite (or drizzle's wrapper) carries it. */
export const sqlState = (error: unknown): string | undefined =>
  (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;

/** Runs `transaction` again when it lost a race (40001, 40P01); any other error is thrown. */
export async function retryingLostRaces<T>(transaction: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await transaction();
    } catch (error) {
      const code = sqlState(error);
      if (retry >= RETRIES || !code || !RETRY_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** retry + Math.random() * 10 * 2 ** retry));
    }
  }
}
