import { useCallback, useEffect, useState } from 'react';
import { Place } from '../../shared/search/case-search';

export const SECTIONS = ['evidence', 'claims', 'analysis', 'bundles', 'review', 'history'] as const;
export type Section = (typeof SECTIONS)[number];

/** A case's section, and optionally the claim or evidence to show in it (search results, chart links). */
export type Route = { page: 'cases' } | { page: 'case'; caseId: string; section: Section; focus?: Place };

/** The focus arrives in the URL, so it is checked like any outside input; a bad one is ignored. */
function parseFocus(query: string | undefined): Place | undefined {
  const text = new URLSearchParams(query ?? '').get('focus');
  if (!text) return undefined;
  try {
    const parsed = Place.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function parse(hash: string): Route {
  const [path, query] = hash.replace(/^#/, '').split('?', 2);
  const [, page, caseId, section] = (path ?? '').split('/');
  if (page === 'case' && caseId) {
    const focus = parseFocus(query);
    return { page: 'case', caseId, section: SECTIONS.find((s) => s === section) ?? 'evidence', ...(focus ? { focus } : {}) };
  }
  return { page: 'cases' };
}

export function routeHash(route: Route): string {
  if (route.page === 'cases') return '#/';
  const focus = route.focus ? `?${new URLSearchParams({ focus: JSON.stringify(route.focus) })}` : '';
  return `#/case/${route.caseId}/${route.section}${focus}`;
}

/** The section a place is shown in. */
export function sectionOf(place: Place): Section {
  if (place.kind === 'claim') return 'claims';
  if (place.kind === 'logFilter') return 'evidence';
  return place.target.kind === 'finding' ? 'analysis' : 'evidence';
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
