// claims: what other features use of it. Everything else here is its own.
export { AnnotateDialog } from './AnnotateDialog';
export { AnnotationsList } from './AnnotationsList';
export { ClaimsSection } from './ClaimsSection';
export { LinkDialog } from './LinkDialog';
export { annotationsOfTarget, clauseAnnotations, commitEdit } from './claims-store';
export { useCaseEvidence } from './use-case-evidence';
