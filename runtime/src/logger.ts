/** Where the runtime reports what it does. Messages never contain payloads. */
export type Logger = (level: 'info' | 'warn' | 'error', message: string) => void;

/** Default logger: warnings and errors to stderr; info only when `FLEET_LOG=info`. */
export const defaultLogger: Logger = (level, message) => {
  if (level === 'info' && process.env.FLEET_LOG !== 'info') return;
  (level === 'info' ? console.log : console.error)(`[fleet-runtime] ${level}: ${message}`);
};
