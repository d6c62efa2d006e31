// Entry of the programme-PDF worker thread: workers do not inherit the TypeScript loader of the
// main thread, so this plain module registers it and then loads the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./programme-pdf.worker.ts');
