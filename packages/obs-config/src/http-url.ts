/** Whether `text` is an absolute http(s) URL: the one check behind every endpoint and URL setting. */
export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
