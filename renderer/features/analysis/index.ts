// analysis: what other features use of it. Everything else here is its own.
export { AnalysisSection } from './AnalysisSection';
export { StoredPairView } from './StoredPairView';
export { caseRoles } from './plans-store';
