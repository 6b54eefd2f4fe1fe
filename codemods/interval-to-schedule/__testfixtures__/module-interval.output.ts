
const FIVE_MINUTES = 300_000;

// Reminders go out every five minutes.

export const ready = true;
