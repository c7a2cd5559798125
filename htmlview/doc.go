// Package htmlview renders newsgraph output as self-contained HTML pages
// that a person can read and explore in a browser: one article with its
// mentions highlighted (WriteArticle), and a corpus graph (WriteCorpus).
//
// A page is one file: its styles, its script and its data are inline, and
// it loads nothing from the network (no CDN, no web fonts). Every string
// from an article — text, names, aliases, titles, time expressions,
// document IDs — goes through html/template, which escapes it for the
// context it lands in (text, attribute, script data), so an article that
// contains markup or script stays text. The corpus page carries its data
// as JSON in a <script type="application/json"> block, where <, > and &
// are escaped; its script builds the selection panel with textContent
// only.
//
// The drawing is computed here, not in the browser: a deterministic
// Fruchterman–Reingold force layout from a fixed spiral start (no
// randomness, no map-order dependence), unlinked entities in rows below,
// overlapping circles pushed apart, and labels placed right, left, above,
// below or on a diagonal of their node where they overlap no other label
// and no node; a label that fits nowhere is shown only on hover, focus or
// selection. The same input gives the same bytes on the same platform.
//
// The article page shows the text beside the relation list, the entity
// list and the graph. Selecting a relation (click, or Tab then Enter or
// Space) highlights its evidence and both arguments in the text and in
// the graph; selecting an entity (in the list, the text or the graph)
// marks all its mentions and relations. The corpus page ranks entities
// by weight, carries at most Options.MaxNodes of them and draws the
// Options.Show heaviest at first; filters (entity type, relation type,
// polarity, minimum articles), a search box, zoom, pan and fit work in
// the page. Both pages follow the keyboard, keep text contrast at least
// 4.5:1, fit a 1366×768 laptop screen, and print the text, the graph and
// the relations with their evidence.
//
// Offsets in the input are byte offsets into the document text, end
// exclusive, as everywhere in newsgraph; the page shows characters. The
// functions keep no state and are safe for concurrent use; each call
// reads its document or graph without changing it.
package htmlview

// BUG(htmlview): the layout is floating-point arithmetic iterated a few
// hundred times; where the compiler fuses multiply-adds (arm64, ppc64,
// s390x) coordinates may differ from amd64's in the last digit, so golden
// pages should be compared on one architecture.
