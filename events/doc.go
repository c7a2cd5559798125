// Package events turns newsgraph relations into event data in the form
// political scientists use (GDELT, ICEWS, Phoenix, POLECAT): one row per
// relation occurrence that is an event, with CAMEO actor codes for the
// source and target (ISO 3166-1 alpha-3 country plus role: RUSGOV, SYR,
// USAMIL; international bodies as the CAMEO actor codebook spells them:
// IGOUNO, IGOWSTNAT, IGOEUREEC), the CAMEO event code at the most specific
// level the relation and its sentence support, its root code, QuadClass,
// Goldstein value and PLOVER category, mode and context, the modality,
// confidence and evidence sentence with its byte offsets.
//
// The package owns the coding: which relations are events and which codes
// they get (data/eventcodes.tsv), how organisations and titled people get
// their roles (data/roles.tsv), the codes of international bodies
// (data/groups.tsv) and the CAMEO code table with Goldstein, QuadClass
// and PLOVER (data/cameo_codes.tsv). Sources and licences are in each
// file's header and in data/README.md. It does not extract relations:
// it reads a newsgraph.Document or a relations.Graph. The standing roles
// (LEADER_OF, OFFICIAL_OF, MEMBER_OF) are not events; they give people
// their actor codes, and only while they hold: a former office does not
// make a person GOV. A person with no office in the text gets the
// country code alone.
//
// Offsets are byte offsets into the article's text, end exclusive. A
// *Coder is read-only once built and safe for concurrent use; Default
// builds one once.
package events

// BUG(events): A corpus graph merges the occurrences of a relation into
// one edge, so Coder.Graph gives every occurrence the modality and
// confidence of the first; Coder.Document keeps each occurrence's own.

// BUG(events): Event codes are chosen from the relation type, its
// modality and cue words anywhere in the evidence sentence, not from the
// words that govern the relation; a sentence that states two events may
// lend one the other's cue.
