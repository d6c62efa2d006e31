// A running portal with the whole demo loaded (finance reports and bank statements included), for
// the bank-statement browser tests.
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';

export type BankDemoServer = DemoServer;

export async function startBankDemoServer(): Promise<BankDemoServer> {
  return startDemoServer();
}
