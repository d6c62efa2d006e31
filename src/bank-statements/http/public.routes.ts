// The public bank figures of a party as JSON and CSV (the balance after each statement), and the
// unreported transactions as CSV once the commission has published them. No PIN ever leaves here: the
// view is built by bank-public.service.ts, which withholds and masks personal numbers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { toDecimalString, type Tyiyn } from '../../domain/money.ts';
import { publicBankFigures, type PublicBankView } from '../bank-public.service.ts';
import { parseParams } from '../../platform/web/index.ts';
import { partyApiParamsSchema } from './schemas.ts';
import { publicHeaders } from './replies.ts';
import { csvDocument, csvNumeral } from '../../platform/csv.ts';

/** The party's figures, or a 404 sent when there is no such election (then undefined). */
async function publicView(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<{ synthetic: boolean; view: PublicBankView } | undefined> {
  const params = parseParams(partyApiParamsSchema, req.params);
  const found = params.ok
    ? await publicBankFigures(ctx, params.value.electionId, params.value.registrationNumber)
    : undefined;
  if (!found) {
    void reply
      .status(404)
      .header('cache-control', 'no-store')
      .send({
        error: { code: 'not_found', message: `There is no election "${params.ok ? params.value.electionId : ''}".` },
      });
    return undefined;
  }
  return found;
}

function bankJson(found: { synthetic: boolean; view: PublicBankView }) {
  const v = found.view;
  const dec = (x: Tyiyn) => toDecimalString(x);
  return {
    electionId: v.electionId,
    partyRegistrationNumber: v.partyRegistrationNumber,
    synthetic: found.synthetic,
    currency: 'KGS',
    amountsIn: 'tyiyn',
    asOf: v.bank.asOf,
    statementCount: v.bank.statementCount,
    bank: { received: v.bank.received, spent: v.bank.spent, balance: v.bank.balance },
    reported: v.reported,
    difference: v.difference,
    balanceSeries: v.series.map((p) => ({
      date: p.date,
      received: p.received,
      spent: p.spent,
      balance: p.balance,
      balanceSom: dec(p.balance),
    })),
    unreportedPublished: v.published,
    unreported: v.unreported,
  };
}

const som = (x: Tyiyn) => csvNumeral(toDecimalString(x));

/** The balance after each statement, as CSV. */
export function bankSeriesCsv(v: Pick<PublicBankView, 'series'>): string {
  return csvDocument(
    ['date', 'received_som', 'spent_som', 'balance_som'],
    v.series.map((p) => [p.date, som(p.received), som(p.spent), som(p.balance)]),
  );
}

/** The published unreported transactions, as CSV: the texts are the bank's and go through the writer's guards. */
export function bankUnreportedCsv(unreported: NonNullable<PublicBankView['unreported']>): string {
  return csvDocument(
    ['date', 'amount_som', 'direction', 'counterparty_name', 'counterparty_id', 'purpose'],
    unreported.map((u) => [u.date, som(u.amount), u.direction, u.counterpartyName, u.counterpartyId, u.purpose]),
  );
}

const attachment = (name: string) => `attachment; filename="${name}"`.replace(/[^\w.\-"=; ]/g, '_');

export function publicBankRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/elections/:electionId/parties/:registrationNumber/bank', async (req, reply) => {
    const found = await publicView(ctx, req, reply);
    if (!found) return reply;
    return publicHeaders(reply).send(bankJson(found));
  });

  app.get('/api/v1/elections/:electionId/parties/:registrationNumber/bank.csv', async (req, reply) => {
    const found = await publicView(ctx, req, reply);
    if (!found) return reply;
    const v = found.view;
    return publicHeaders(reply)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachment(`bank-${v.electionId}-${v.partyRegistrationNumber}.csv`))
      .send(bankSeriesCsv(v));
  });

  app.get('/api/v1/elections/:electionId/parties/:registrationNumber/bank-unreported.csv', async (req, reply) => {
    const found = await publicView(ctx, req, reply);
    if (!found) return reply;
    const v = found.view;
    if (v.unreported === null) {
      return reply
        .status(404)
        .header('cache-control', 'no-store')
        .send({
          error: {
            code: 'not_published',
            message: 'The commission has not published the unreported transactions of this election.',
          },
        });
    }
    return publicHeaders(reply)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachment(`bank-unreported-${v.electionId}-${v.partyRegistrationNumber}.csv`))
      .send(bankUnreportedCsv(v.unreported));
  });
}
