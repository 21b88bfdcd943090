import { describe, expect, it } from 'vitest';
import {
  evaluateRobots,
  normalisePath,
  parseRobotsTxt,
  patternMatches,
  robotsAllows,
} from '../../src/optout/index.js';
import { capture, policy } from './support.js';

// RFC 9309 section 5.1, "Simple Example" (the file ends with the line "EOF" in the RFC too).
const RFC_5_1 = `User-Agent: *
Disallow: *.gif$
Disallow: /example/
Allow: /publications/

User-Agent: foobot
Disallow:/
Allow:/example/page.html
Allow:/example/allowed.gif

User-Agent: barbot
User-Agent: bazbot
Disallow: /example/page.html

User-Agent: quxbot

EOF
`;

// RFC 9309 section 5.2, "Longest Match".
const RFC_5_2 = `User-Agent: foobot
Allow: /example/page/
Disallow: /example/page/disallowed.gif
`;

const allows = (text: string, agent: string, path: string) =>
  robotsAllows(parseRobotsTxt(text), agent, path).allowed;

describe('robots.txt (RFC 9309)', () => {
  it('5.1: foobot may fetch only what its own group allows', () => {
    expect(allows(RFC_5_1, 'foobot', '/example/page.html')).toBe(true);
    expect(allows(RFC_5_1, 'foobot', '/example/allowed.gif')).toBe(true);
    expect(allows(RFC_5_1, 'foobot', '/publications/')).toBe(false);
    expect(allows(RFC_5_1, 'foobot', '/')).toBe(false);
  });

  it('5.1: barbot and bazbot share one group', () => {
    for (const agent of ['barbot', 'bazbot']) {
      expect(allows(RFC_5_1, agent, '/example/page.html')).toBe(false);
      expect(allows(RFC_5_1, agent, '/example/other.html')).toBe(true);
    }
  });

  it('5.1: quxbot has an empty group, so everything is allowed (the * group does not apply)', () => {
    expect(allows(RFC_5_1, 'quxbot', '/example/page.gif')).toBe(true);
  });

  it('5.1: an agent without a group follows *', () => {
    expect(allows(RFC_5_1, 'OtherBot', '/a/picture.gif')).toBe(false);
    expect(allows(RFC_5_1, 'OtherBot', '/a/picture.gif?x')).toBe(true);
    expect(allows(RFC_5_1, 'OtherBot', '/example/x')).toBe(false);
    expect(allows(RFC_5_1, 'OtherBot', '/publications/x')).toBe(true);
  });

  it('5.2: the longest match wins', () => {
    expect(allows(RFC_5_2, 'foobot', '/example/page/disallowed.gif')).toBe(false);
    expect(allows(RFC_5_2, 'foobot', '/example/page/other.gif')).toBe(true);
  });

  it('2.2.2: on equal length Allow wins, whatever the order', () => {
    expect(allows('User-agent: *\nDisallow: /page\nAllow: /page\n', 'x', '/page')).toBe(true);
    expect(allows('User-agent: *\nAllow: /page\nDisallow: /page\n', 'x', '/page')).toBe(true);
  });

  it('2.2.1: agents match case-insensitively, by product token', () => {
    const text = 'user-agent: ExampleBot/1.0\ndisallow: /\n';
    expect(allows(text, 'examplebot', '/x')).toBe(false);
    expect(allows(text, 'EXAMPLEBOT', '/x')).toBe(false);
    expect(allows(text, 'Other', '/x')).toBe(true);
  });

  it('2.2.1: several groups for one agent are combined', () => {
    const text =
      'User-agent: a\nDisallow: /x\n\nUser-agent: b\nDisallow: /\n\nUser-agent: a\nDisallow: /y\n';
    expect(allows(text, 'a', '/x')).toBe(false);
    expect(allows(text, 'a', '/y')).toBe(false);
    expect(allows(text, 'a', '/z')).toBe(true);
  });

  it('2.2.2: an empty Disallow matches nothing; /robots.txt is always allowed', () => {
    expect(allows('User-agent: *\nDisallow:\n', 'x', '/anything')).toBe(true);
    expect(allows('User-agent: *\nDisallow: /\n', 'x', '/robots.txt')).toBe(true);
  });

  it('2.2.2: percent-encoding is normalised (the examples of the RFC table)', () => {
    expect(normalisePath('/foo/bar/ツ')).toBe('/foo/bar/%E3%83%84');
    expect(normalisePath('/foo/bar/%e3%83%84')).toBe('/foo/bar/%E3%83%84');
    expect(normalisePath('/foo/bar/%62%61%7A')).toBe('/foo/bar/baz');
    expect(allows('User-agent: *\nDisallow: /foo/bar/ツ\n', 'x', '/foo/bar/%E3%83%84')).toBe(false);
    expect(allows('User-agent: *\nDisallow: /foo/bar/baz\n', 'x', '/foo/bar/%62%61%7A')).toBe(
      false,
    );
  });

  it('2.2.3: * matches any run of characters and $ anchors the end', () => {
    expect(patternMatches('/this/*/exactly', '/this/is/exactly')).toBe(true);
    expect(patternMatches('/this/path/exactly$', '/this/path/exactly')).toBe(true);
    expect(patternMatches('/this/path/exactly$', '/this/path/exactly/not')).toBe(false);
    expect(patternMatches('*.gif$', '/a.gif')).toBe(true);
    expect(patternMatches('*.gif$', '/a.gif.html')).toBe(false);
    expect(patternMatches('/fish*', '/fishheads')).toBe(true);
    expect(patternMatches('/fish', '/Fish.asp')).toBe(false);
  });

  it('a pattern full of * stays linear enough (no exponential backtracking)', () => {
    const pattern = `${'/*a'.repeat(30)}$`;
    expect(patternMatches(pattern, `/${'a/'.repeat(5000)}b`)).toBe(false);
  });

  it('comments and lines it does not know are skipped', () => {
    const text =
      '# hello\nUser-agent: * # all\nCrawl-delay: 5\nDisallow: /private # keep out\nSitemap: /s.xml\n';
    expect(allows(text, 'x', '/private/a')).toBe(false);
  });
});

describe('robots signal', () => {
  const url = 'https://a.example/private/page.html';

  it('reserves when any listed agent is disallowed, naming the agent and the rule', () => {
    const robots = capture(
      'https://a.example/robots.txt',
      'User-agent: GPTBot\nDisallow: /private\n',
    );
    const out = evaluateRobots({ kind: 'text', url, robots }, policy());
    expect(out.reserving).toEqual([
      { type: 'robots', where: 'robots.txt', detail: 'GPTBot: "Disallow: /private" (line 2)' },
    ]);
    expect(out.consulted[0]).toMatchObject({ where: 'robots.txt', sha256: robots.sha256 });
  });

  it('allows when no listed agent is disallowed', () => {
    const robots = capture('https://a.example/robots.txt', 'User-agent: SomeBot\nDisallow: /\n');
    expect(evaluateRobots({ kind: 'text', url, robots }, policy()).reserving).toEqual([]);
  });

  it('a missing capture follows missing_robots', () => {
    expect(evaluateRobots({ kind: 'text', url }, policy()).reserving).toEqual([]);
    expect(
      evaluateRobots({ kind: 'text', url }, policy({ missing_robots: 'exclude' })).reserving,
    ).toHaveLength(1);
  });

  it('2.3.1.3 and 2.3.1.4: a 404 robots.txt allows, a 503 disallows everything', () => {
    const r404 = capture('https://a.example/robots.txt', 'User-agent: *\nDisallow: /\n', 404);
    const r503 = capture('https://a.example/robots.txt', '', 503);
    expect(evaluateRobots({ kind: 'text', url, robots: r404 }, policy()).reserving).toEqual([]);
    expect(evaluateRobots({ kind: 'text', url, robots: r503 }, policy()).reserving).toHaveLength(1);
  });

  it('an item without a URL has nothing to check', () => {
    expect(
      evaluateRobots({ kind: 'text' }, policy({ missing_robots: 'exclude' })).reserving,
    ).toEqual([]);
  });
});
