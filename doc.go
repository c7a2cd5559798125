// Package newsgraph reads English news articles, tags the people, places
// and organisations in them, and builds a graph of the relationships they
// describe: who visited, hosted, met, praised, accused, sanctioned,
// supplied, sheltered or fought whom, and who leads or speaks for which
// state or body.
//
// A Pipeline is built once and shared; its models load once:
//
//	p, err := newsgraph.New()
//	if err != nil { ... }
//	doc, err := p.Extract(ctx, text)
//	for _, r := range doc.Relations {
//		fmt.Println(doc.Entities[r.Source].Name, r.Type, doc.Entities[r.Target].Name)
//	}
//
// Everything in a Document is located by byte offsets into its Text, end
// exclusive: Text[m.Start:m.End] is a mention's text. The entity and
// relation types are those of the schema (see package relations). A
// *Pipeline is safe for concurrent use by many goroutines; each Document
// belongs to its caller.
//
// For many articles, ExtractAll runs workers over one pipeline and yields
// results in input order; ReadJSONL reads articles as JSON lines. An
// article's date (Article.Date, or ExtractDated) anchors its relative
// dates. WithNegated and WithMinConfidence shape what the default
// extractor keeps; WithSyntax adds each token's dependency parse.
//
// Package entities holds the Document, the tagger and the gazetteer;
// package relations the relation types, the extractors, the Graph, its
// exports (JSON, DOT, GraphML, CSV, Cypher), the state-level view and the
// queries; package syntax the Universal Dependencies parse (UPOS, lemma,
// head, relation) and the tree API; package events the CAMEO/PLOVER event
// rows (actor codes, event codes, Goldstein, QuadClass) that GDELT and
// ICEWS users join on; package htmlview the self-contained HTML pages of
// an article and of a corpus graph. Command
// newsgraph (cmd/newsgraph) runs the pipeline over files,
// directories and JSON lines, builds corpus graphs and queries them.
package newsgraph
