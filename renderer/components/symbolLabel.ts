// How a symbol's FQN reads where its file is shown beside it (a search hit's group header, the file line in
// the Entry points and Dependencies tables). The stored FQN keeps a place before its colon (`.:gin.Context.Bind`
// for a Go package at the repo root, `ts/main:Service.step`) because notes are keyed by it; the label drops that
// place, and a leading `src.` that no import would write (`src.flask.helpers.url_for` reads
// `flask.helpers.url_for`). `::` (Rust, C++, PHP, Ruby) is a name's own.
const PLACE = /^[^:]+:(?!:)/u;

export function symbolLabel(fqn: string): string {
  const named = fqn.replace(PLACE, '');
  return named.startsWith('src.') && named.length > 4 ? named.slice(4) : named;
}
