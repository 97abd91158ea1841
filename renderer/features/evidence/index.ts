// evidence: what other features use of it. Everything else here is its own.
export { EvidenceSection } from './EvidenceSection';
export { SearchDialog } from './SearchDialog';
export { clausesOfVersion } from './evidence-store';
