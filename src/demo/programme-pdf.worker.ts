// Worker thread that typesets the demo programmes' PDFs, so that the server's event loop keeps
// answering requests while ~30 PDFs with an embedded font are produced after a first start.
import { parentPort } from 'node:worker_threads';
import { buildDemoDataset } from './demo-dataset.ts';
import { renderProgrammePdf } from './programmes.ts';

const port = parentPort;
if (port) {
  port.on('message', async (wanted: Array<{ electionId: string; partyRegistrationNumber: string }>) => {
    const data = buildDemoDataset();
    const parties = new Map(data.parties.map((p) => [p.registrationNumber, p]));
    for (const w of wanted) {
      const programme = data.programmes.find(
        (p) => p.electionId === w.electionId && p.partyRegistrationNumber === w.partyRegistrationNumber,
      );
      const party = parties.get(w.partyRegistrationNumber);
      if (!programme || !party) continue;
      const pdf = await renderProgrammePdf(programme, party);
      port.postMessage({ ...w, pdf });
    }
    port.postMessage({ done: true });
  });
}
