export interface Invoice {
  id: string;
  total: number;
  issuedAt: Date;
}

export async function sendWelcomeEmail(to: string, userId: string): Promise<void> {
  await Promise.resolve([to, userId]);
}

export async function sendInvoice(invoice: Invoice): Promise<void> {
  await Promise.resolve(invoice);
}

export async function notifyOps(message: string): Promise<void> {
  await Promise.resolve(message);
}

export const mailer = {
  async resend(to: string): Promise<void> {
    await Promise.resolve(to);
  },
};
