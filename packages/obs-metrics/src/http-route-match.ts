/**
 * Matches request paths against route templates (`/users/:id`, `/static/*`), for servers without a router.
 * Templates are tried in order; the first that matches wins.
 */
export function compileRoutes(templates: readonly string[]): (path: string) => string | undefined {
  const compiled = templates.map((template) => ({ template, segments: split(template) }));
  return (path) => {
    const parts = split(path);
    for (const { template, segments } of compiled) {
      if (matches(segments, parts)) return template;
    }
    return undefined;
  };
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matches(segments: readonly string[], parts: readonly string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (segment === '*' && i === segments.length - 1) return true;
    const part = parts[i];
    if (part === undefined) return false;
    if (!segment.startsWith(':') && segment !== part) return false;
  }
  return segments.length === parts.length;
}
