import { Refusal } from '../errors';
/**
 * The legal theories of a distillation case, each with the elements counsel
 * must prove, written out as a starting point: every element stays editable.
 */
export interface ClaimTemplate {
  id: string;
  theory: string;
  title: string;
  description: string;
  elements: string[];
}

export const CLAIM_TEMPLATES: readonly ClaimTemplate[] = [
  {
    id: 'breach-of-contract',
    theory: 'Breach of contract (Terms of Service)',
    title: 'Breach of the Terms of Service',
    description: 'The defendant accepted the API Terms of Service and used the outputs to develop a competing model, which the terms prohibit.',
    elements: [
      'A contract existed: the defendant’s accounts accepted the Terms of Service in force when they used the API.',
      'The terms prohibited the conduct: using outputs to develop competing models, and automated or bulk extraction.',
      'The conduct occurred: the defendant harvested outputs through the API and trained its model on them.',
      'Damages: the breach caused loss (lost revenue, the cost of the compute used, harm to the model’s competitive value).',
    ],
  },
  {
    id: 'unauthorised-access',
    theory: 'Unauthorised access (computer misuse)',
    title: 'Unauthorised access to the API',
    description: 'The defendant accessed the API beyond what it was authorised to do, evading the restrictions placed on access.',
    elements: [
      'Access restrictions existed: account verification, rate limits, regional and usage restrictions on the API.',
      'They were circumvented: by fraudulent accounts, spoofed or shared API keys, rotated IP addresses or automated scripts.',
      'The access was knowing and intentional: the pattern of evasion shows it was deliberate.',
      'Loss: the cost of investigating and responding, and the value of what was taken.',
    ],
  },
  {
    id: 'misappropriation',
    theory: 'Unfair competition / misappropriation',
    title: 'Misappropriation of model outputs',
    description: 'The defendant took the product of the claimant’s investment and used it to compete unfairly.',
    elements: [
      'The claimant invested substantially in the model whose outputs were taken.',
      'The defendant took the outputs without authorisation and at scale.',
      'The defendant used them in competition: its model reproduces the claimant’s outputs, templates and identity.',
      'The use caused harm to the claimant.',
    ],
  },
  {
    id: 'export-control',
    theory: 'Export-control breach',
    title: 'Access in breach of export controls',
    description: 'Access to the model and its outputs by or for a restricted party or destination.',
    elements: [
      'The model or its outputs are subject to export controls or to sanctions restrictions in the terms.',
      'The access was by, or for the benefit of, a restricted party or destination.',
      'The access evaded the controls (for example through intermediaries, proxies or false account details).',
    ],
  },
  { id: 'custom', theory: 'Custom claim', title: 'New claim', description: '', elements: [] },
];

export function claimTemplate(id: string): ClaimTemplate {
  const template = CLAIM_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Refusal(`There is no claim template “${id}”`, 'invalid');
  return template;
}
