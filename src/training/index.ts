// Training of the people who sign in: courses shipped as content (lessons in Markdown per language and
// quizzes, versioned per lesson), progress and certificates with a public check of their code, the
// requirements per role enforced before the sensitive screens of other capabilities, the commission's
// overview of completion with reminders and a CSV, and the administrators' security review of the
// accounts.
import type { Capability } from '../platform/capability.ts';
import { t, trainingMessages } from './training.messages.ts';
import { installGate } from './http/gate.ts';
import { trainingStaffRoutes } from './http/staff.routes.tsx';
import { trainingPublicRoutes } from './http/public.routes.tsx';
import { trainingCommissionRoutes } from './http/commission.routes.tsx';
import { completionPath, myTrainingPath, posturePath } from './views/paths.ts';

export const training: Capability = {
  name: 'training',
  messages: [trainingMessages],
  requestHooks: installGate,
  async routes(app, ctx) {
    await trainingPublicRoutes(app, ctx);
    await trainingStaffRoutes(app, ctx);
    await trainingCommissionRoutes(app, ctx);
  },
  staffLinks: (locale, may) => [
    { href: myTrainingPath(locale), label: t(locale, 'training.nav.mine') },
    ...(may('users.manage')
      ? [
          { href: completionPath(locale), label: t(locale, 'training.commission.title') },
          { href: posturePath(locale), label: t(locale, 'training.posture.title') },
        ]
      : []),
  ],
};

export { missingRequirements, type Missing } from './core/requirements.ts';
export { normaliseCertificateCode } from './core/certificate-code.ts';
