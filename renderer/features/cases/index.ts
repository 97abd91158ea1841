// cases: what other features use of it. Everything else here is its own.
export { useCaseActions } from './case-actions';
