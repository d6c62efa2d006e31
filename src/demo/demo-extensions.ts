// Which capabilities add to the demo, in the order they must load (bank statements are made from
// the same money as the finance reports). Called once by every entry point before loadDemo; kept
// apart from the loader because those modules import the loader.
import { loadAllFilingDemos } from '../filings/index.ts';
import { statementDemo } from '../bank-statements/index.ts';
import { addDemoExtension } from './demo-loader.service.ts';

let registered = false;
export function registerDemoExtensions(): void {
  if (registered) return;
  registered = true;
  // Registers the finance reports first, then the statements made from the same money.
  addDemoExtension(loadAllFilingDemos);
  addDemoExtension(statementDemo); // until the loader runs each capability's `demo` hook
}
