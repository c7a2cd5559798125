package relations

import (
	"strings"

	"github.com/newsgraph/newsgraph/entities"
)

// titleEndingAt finds the longest title of up to three words ending at
// titleModifiers may stand before a title: "former President", "acting
// roles reads LEADER_OF and OFFICIAL_OF from titles around people in
// preTitle reads "[X('s)] [former] TITLE PERSON", "its TITLE, PERSON"
// hasTitleBefore reports whether another title ends just before token f,
// apposTitle reads "PERSON, [the] [X] [former] TITLE [of|for X]".
// mentionEndingAt returns the mention whose last token is t, or -1.
func (r *reader) addRole(person, x int, role entities.Role, tFirst, tEnd, si int, conf float64) bool {
	var typ Type
	switch role {
	case entities.Leader:
		typ = LeaderOf
	case entities.Official:
		typ = OfficialOf
	default:
		return false
	}
	target, tt := r.actor(x)
	if tt == entities.NORP {
		target, tt = r.asState(target), entities.GPE
	}
	if target < 0 || (tt != entities.GPE && tt != entities.Org) {
		return false
	}
	if typ == OfficialOf && r.isParty(target) {
		typ = MemberOf // "a Georgian Dream lawmaker"
	}
	title := r.doc.Text[r.doc.Tokens[tFirst].Start:r.doc.Tokens[tEnd].End]
	if typ == LeaderOf {
		for _, w := range strings.Fields(strings.ToLower(title)) {
			if w == "deputy" || w == "vice" || w == "assistant" || w == "vice-chairman" || w == "vice-president" {
				typ = OfficialOf // "deputy chairman of Russia's Security Council"
			}
		}
	}
	former := strings.Contains(strings.ToLower(title), "former") || strings.Contains(strings.ToLower(title), "late ")
	title = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(title, "former"), "Former"))
	ok := r.add(Relation{Type: typ, Source: person, Target: target, Title: title, Former: former,
		Modality: Asserted, Confidence: conf}, si)
	if ok && r.countryOf[person] == "" {
		if c := r.countryOf[target]; c != "" {
			r.countryOf[person] = c
		}
	}
	return ok
}

// isParty reports whether entity e is a political party.
// locatedIn reads "PLACE, COUNTRY" and "PLACE, in (northern) COUNTRY"
// compass words may stand between "in" and a country.
// isCountry reports whether m names a country by its gazetteer name.
// bareTitles gives a person whose title names no body ("President Donald
// countryBefore returns the nearest mention of a country (by name or
// governs reports whether a state-like mention can employ an office
// statelike reports whether mention mi names a country, a nationality, or
// basedIn reads BASED_IN from a country or nationality that qualifies an
// orgNouns are the nouns that may head a description of an organisation
// stateWords before an organisation tie it to its state: "Iran's
// isDescriptor reports whether a token may stand between a country and an
// compounds reads relations from hyphenated compounds before a name:
