// Package relations finds typed relations between the entities of a news
// document and builds them into a graph.
//
// The package owns:
//
//   - the schema table of ../shared/spec/schema.md: the relation Type values
//     (LEADER_OF, MEET, …), the entity types each allows as source and target,
//     whether it is symmetric, its Polarity and its nearest CAMEO code (Spec);
//   - Relation, one edge found in one document, with its Modality, Evidence,
//     confidence and date, and the Extractor interface that finds them;
//   - RuleExtractor, the rules that find them: roles from titles and
//     appositions, BASED_IN and LOCATED_IN from how organisations and
//     places are described, and interactions from trigger words whose
//     arguments are found by clause structure (voice, lists, relative
//     clauses, appositions), with modality (negated, intended, reported),
//     metonymy (capitals and seats act for their state) and cautious
//     reference back (pronouns, "the bloc", "the two countries");
//   - NormalizeWhen and ArticleDate, which place time expressions on the
//     calendar against an article's date;
//   - Graph, which merges the entities and relations of many documents into
//     one gonum multigraph: entities with the same type, normalised name and
//     a compatible country become one Node, and occurrences of the same
//     (type, source, target) relation become one Edge with all their
//     evidence. Graph implements gonum's graph.Directed, so gonum algorithms
//     such as network.PageRank run on it;
//   - corpus views of a Graph: document dates (first and last seen),
//     Filter, StateView (people and institutions folded into their
//     countries) and Resolve (cross-document names);
//   - the exports WriteJSON (the schema's JSON), WriteDOT (Graphviz),
//     WriteGraphML, WriteCSVNodes and WriteCSVEdges, WriteCypher, and
//     ReadJSON, which reads the JSON back into a Graph;
//   - queries over a Graph: neighbours, shortest paths, top entities by
//     degree and PageRank, relation counts by type and country pair.
//
// It does not tokenise, tag or resolve entities: that is package entities,
// whose Document it reads.
//
// Offsets (Evidence, Span, and the entities package's mentions) are byte
// offsets into the document text as given, UTF-8, end exclusive.
//
// Output is deterministic: the same graph always exports to the same bytes,
// with nodes in ID order and edges sorted by source, target, type and
// evidence. Node IDs ("e1", "e2", …) are assigned in the order entities are
// first seen, so adding the same documents in the same order gives the same
// output.
//
// A *RuleExtractor is safe for concurrent use; Extract may append country
// entities to the document it reads, so a Document is not shared while
// it is extracted.
//
// Concurrency: a Graph is not safe for concurrent mutation; Add and ReadJSON
// into a graph must not overlap any other use of it. Reading a graph,
// including WriteJSON, WriteDOT and gonum algorithms, is safe from many
// goroutines at once while nothing mutates it.
package relations
