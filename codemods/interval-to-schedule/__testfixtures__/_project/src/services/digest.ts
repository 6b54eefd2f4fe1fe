export async function sendDigest(): Promise<void> {
  await Promise.resolve('digest');
}
