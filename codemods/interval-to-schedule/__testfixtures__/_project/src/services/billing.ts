export async function chargeCard(orderId: string, amount: number): Promise<void> {
  await Promise.resolve([orderId, amount]);
}
