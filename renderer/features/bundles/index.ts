// bundles: what other features use of it. Everything else here is its own.
export { BundlesSection } from './BundlesSection';
