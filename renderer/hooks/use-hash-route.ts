import { useCallback, useEffect, useState } from 'react';

export const SECTIONS = ['evidence', 'claims', 'analysis', 'bundles', 'history'] as const;
export type Section = (typeof SECTIONS)[number];

export type Route = { page: 'cases' } | { page: 'case'; caseId: string; section: Section };

function parse(hash: string): Route {
  const [, page, caseId, section] = hash.replace(/^#/, '').split('/');
  if (page === 'case' && caseId) {
    return { page: 'case', caseId, section: SECTIONS.find((s) => s === section) ?? 'evidence' };
  }
  return { page: 'cases' };
}

export function routeHash(route: Route): string {
  return route.page === 'cases' ? '#/' : `#/case/${route.caseId}/${route.section}`;
}

/** The current screen, kept in the URL hash so a reload returns to it. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}
