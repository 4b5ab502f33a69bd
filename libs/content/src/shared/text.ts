const WORDS_PER_MINUTE = 230;

/** URL slug from a title: ASCII, lower case, hyphen-separated, at most `max` characters. */
export function slugify(title: string, max = 100): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return base || 'article';
}

/** Minutes to read a markdown body (at least 1). */
export function readingMinutes(body: string): number {
  const words = stripMarkdown(body).split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** A plain-text excerpt of the body, cut at a word boundary. */
export function excerptOf(body: string, max = 280): string {
  const text = stripMarkdown(body).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function stripMarkdown(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[>#\-*+\s]+/gm, '')
    .replace(/[*_~]+/g, '');
}

export const TAG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Tags are case-insensitive: `Node JS`, `node-js` and ` NODE-JS ` are one tag. */
export function normaliseTag(raw: string): string {
  return (
    raw
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .replace(/[^a-z0-9-]/g, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      // NFKD can lengthen a string (ligatures: "ﬀ" → "ff"); the column holds 40.
      .slice(0, 40)
      .replace(/-$/, '')
  );
}
