package relations

// argMode says where a trigger finds its arguments.
type argMode uint8

const (
	// object: the source is the clause's subject, the target the first
	// actor after the trigger (after one of preps, when preps is set).
	object argMode = iota
	// pair: a symmetric trigger; "between X and Y", "X and Y <trigger>",
	// or the subject and the object after "with".
	pair
	// backing: "X benefited from Y's intervention", "Y's support for X":
	// the possessor gives, the beneficiary receives.
	backing
)

// trigger is a word that states a relation.
type trigger struct {
	typ   Type
	pos   byte     // 'V' verb, 'N' noun, 0 either
	preps []string // prepositions that introduce the target; nil: direct object
	mode  argMode
	// needs is a word that must follow within four tokens for the
	// trigger to count ("offered asylum", "sent aid").
	needs []string
	// before is a word that must precede within three tokens ("restored
	// diplomatic relations").
	before []string
	// also reads the trigger even when an earlier reading of the same
	// word found a relation ("talks" are a meeting and a negotiation).
	also bool
	// stative marks a participle whose passive form is its active sense:
	// "X is expected in Riyadh" says X will come, not who expects.
	stative bool
	// departure marks leaving a place: the subject was there, a visit
	// only when the subject is known to be of another country ("before
	// leaving Muscat", not "Assad left Syria").
	departure bool
	// past marks a relation that the trigger ends: "troops withdrew
	// from X" were in X.
	past bool
	// personal triggers relate people only: "Pistorius joined them".
	personal bool
	// noPlace triggers take no place as target: "captured two soldiers",
	// not "captured the town".
	noPlace bool
}

// triggers maps a lower-case word form to what it triggers. The lists are
// general English news usage, not any one article's words.
var triggers = buildTriggers()

func buildTriggers() map[string][]trigger {
	triggers := map[string][]trigger{}
	addTrigger := func(t trigger, forms ...string) {
		for _, f := range forms {
			triggers[f] = append(triggers[f], t)
		}
	}
	to := []string{"to"}
	with := []string{"with"}
	on := []string{"on", "against"}
	// Visits.
	addTrigger(trigger{typ: Visit, pos: 'V'}, "visit", "visits", "visited", "visiting", "toured", "tour", "tours")
	addTrigger(trigger{typ: Visit, pos: 'N', preps: to}, "visit", "visits", "trip", "trips", "journey", "tour")
	addTrigger(trigger{typ: Visit, pos: 'V', preps: []string{"in", "at"}}, "arrived", "arrives", "arrive", "landed", "lands")
	addTrigger(trigger{typ: Visit, pos: 'V', preps: []string{"in"}, stative: true}, "expected")
	addTrigger(trigger{typ: Visit, preps: []string{"in", "at"}, stative: true}, "due")
	addTrigger(trigger{typ: Visit, pos: 'V', preps: to}, "travelled", "traveled", "travels", "travel", "flew", "flies")
	// Hosting.
	addTrigger(trigger{typ: Host, pos: 'V'}, "hosted", "hosts", "host", "hosting", "welcomed", "welcoming", "welcomes", "welcome", "received", "receives", "receiving")
	// Meetings.
	addTrigger(trigger{typ: Meet, pos: 'V', mode: pair}, "met", "meet", "meets", "meeting")
	addTrigger(trigger{typ: Meet, pos: 'N', preps: []string{"with", "between"}, mode: pair}, "meeting", "meetings", "talks", "discussions", "summit", "conversation", "call")
	addTrigger(trigger{typ: Meet, pos: 'V', preps: with, mode: pair}, "talked", "spoke", "spoken", "conferred")
	addTrigger(trigger{typ: Meet, pos: 'V', mode: pair, personal: true}, "joined", "joins", "join")
	// Talks of a kind, or on a subject, are negotiations as well as
	// meetings: "a new round of indirect talks on Tehran's nuclear program".
	addTrigger(trigger{typ: Negotiate, pos: 'N', preps: []string{"with", "between"}, mode: pair, also: true,
		before: []string{"indirect", "direct", "round", "peace", "nuclear", "trade", "ceasefire", "back-channel", "security", "border"}},
		"talks")
	// Negotiation.
	addTrigger(trigger{typ: Negotiate, mode: pair, preps: []string{"with", "between"}}, "negotiate", "negotiated", "negotiating", "negotiates", "negotiation", "negotiations")
	// Agreement.
	addTrigger(trigger{typ: Agree, mode: pair, preps: []string{"with", "between"}}, "agreement", "agreements", "deal", "accord", "treaty", "pact")
	addTrigger(trigger{typ: Agree, pos: 'V', mode: pair, preps: with}, "agreed", "signed", "agree", "agrees", "initialed", "initialled", "concluded")
	addTrigger(trigger{typ: Agree, pos: 'N', mode: pair, preps: []string{"with", "between"}, before: []string{"joint", "signed", "sign"}}, "declaration", "statement", "communique", "memorandum")
	// Cooperation.
	addTrigger(trigger{typ: Cooperate, mode: pair, preps: []string{"with", "between"}}, "cooperation", "cooperate", "cooperated", "co-operation", "partnership", "collaboration")
	// Joint forces, exercises and operations are cooperation.
	addTrigger(trigger{typ: Cooperate, pos: 'N', preps: []string{"with", "between"}, mode: pair, before: []string{"joint", "combined"}},
		"force", "forces", "exercises", "exercise", "drills", "patrols", "operation", "operations", "venture", "ventures")
	// Drills held with another state are cooperation: "hold regular
	// maritime drills with Manila".
	addTrigger(trigger{typ: Cooperate, pos: 'N', preps: []string{"with"}, mode: pair, before: []string{"military", "naval", "maritime", "air", "regular", "annual", "war"}},
		"exercises", "drills", "patrols", "war-games", "wargames")
	// "relations" and "ties" are neutral unless something builds them.
	addTrigger(trigger{typ: Cooperate, mode: pair, preps: []string{"with", "between"}, before: []string{
		"build", "building", "built", "strengthen", "strengthening", "strengthened", "restore", "restored", "restoring",
		"establish", "established", "establishing", "improve", "improved", "improving", "foster", "fostering",
		"deepen", "deepening", "deepened", "boost", "boosting", "expand", "expanding", "normalize", "normalise",
		"normalized", "normalised", "normalizing", "upgrade", "upgraded", "develop", "developing", "close", "closer",
		"warm", "warmer", "friendly", "good", "strong", "stronger", "diplomatic", "bilateral", "opening", "open", "resume", "resumed"}},
		"relations", "ties")
	// Praise.
	addTrigger(trigger{typ: Praise, pos: 'V'}, "praised", "praises", "praise", "praising", "commended", "commends", "commending", "hailed", "hails", "lauded", "applauded", "thanked", "thanks")
	// Aid.
	addTrigger(trigger{typ: ProvideAid, pos: 'V', preps: to, needs: []string{"aid", "oil", "weapons", "arms", "supplies", "assistance", "troops", "fuel", "missiles", "ammunition", "drones", "equipment", "support", "funds", "money", "gas", "grain", "food",
		"helicopters", "vehicles", "jets", "tanks", "artillery", "shells", "rockets", "loans", "vaccines", "humanitarian",
		"military", "medical", "medicine", "electricity", "wheat", "fighter", "armored", "armoured", "air", "defense", "defence",
		"boats", "aircraft", "ships", "vessels", "planes", "radars", "systems", "patrol", "surveillance", "howitzers",
		"warships", "submarine", "submarines", "frigates", "destroyers", "carrier", "soldiers", "forces", "marines"}},
		"supplied", "supplies", "supply", "sent", "sends", "send", "delivered", "delivers", "deliver", "dispatched", "dispatches", "provided", "provides", "provide", "shipped", "gave", "gives",
		"supplying", "sending", "delivering", "dispatching", "providing", "shipping")
	addTrigger(trigger{typ: ProvideAid, pos: 'N', preps: []string{"to", "for"}}, "aid", "assistance")
	// Loans and grants: "agreed to lend Ukraine 90 billion euros".
	addTrigger(trigger{typ: ProvideAid, pos: 'V', needs: []string{"billion", "million", "euros", "dollars", "money", "funds", "loan", "loans"}},
		"lend", "lends", "lent", "lending", "loaned", "granted", "grants")
	// Training another's forces is military aid: "has trained Somali troops".
	addTrigger(trigger{typ: ProvideAid, pos: 'V', needs: []string{"troops", "forces", "soldiers", "army", "police", "pilots", "officers", "fighters", "military"}},
		"trained", "trains", "train", "training")
	addTrigger(trigger{typ: ProvideAid, pos: 'N', preps: []string{"for", "to"}, mode: backing}, "intervention", "support", "backing", "help", "aid", "assistance")
	// Asylum.
	addTrigger(trigger{typ: GrantAsylum, preps: to}, "asylum", "refuge", "sanctuary")
	// Alliances.
	addTrigger(trigger{typ: AllyOf, pos: 'N', preps: []string{"of", "with"}, mode: pair}, "ally", "allies", "backer", "backers", "partner")
	addTrigger(trigger{typ: AllyOf, pos: 'V', preps: with, mode: pair}, "allied")
	// Backing an armed group or a state is support given: "Hezbollah,
	// which is backed by Iran" (as "the Iran-backed Hezbollah").
	addTrigger(trigger{typ: ProvideAid, pos: 'V'}, "backed", "backs", "backing")
	// A mutual defence pact is an alliance as well as an agreement.
	addTrigger(trigger{typ: AllyOf, pos: 'N', preps: []string{"with", "between"}, mode: pair, also: true,
		before: []string{"defense", "defence", "mutual-defense", "mutual-defence"}},
		"treaty", "pact", "alliance")
	// Military presence.
	addTrigger(trigger{typ: MilitaryPresenceIn, pos: 'N', preps: []string{"in", "at"}}, "bases", "base", "troops", "forces", "soldiers", "garrison", "presence")
	addTrigger(trigger{typ: MilitaryPresenceIn, pos: 'V', preps: []string{"in", "to"}}, "stationed", "deployed", "deploying", "deploys", "deploy")
	addTrigger(trigger{typ: MilitaryPresenceIn, pos: 'N', preps: []string{"in", "at"}}, "peacekeepers", "warships", "garrisons")
	addTrigger(trigger{typ: MilitaryPresenceIn, pos: 'V', preps: []string{"from", "of"}, past: true,
		before: []string{"troops", "forces", "peacekeepers", "soldiers", "contingent", "units", "garrison"}},
		"withdrew", "withdrawn", "withdraw", "withdraws", "withdrawing", "pulled", "left")
	addTrigger(trigger{typ: MilitaryPresenceIn, pos: 'V', past: true,
		before: []string{"troops", "forces", "peacekeepers", "soldiers", "contingent", "units", "garrison"}},
		"left", "leaving", "quit")
	// Leaving a place is a visit to it only for people known to be
	// foreign there; it comes after the troops' leaving above.
	addTrigger(trigger{typ: Visit, pos: 'V', departure: true}, "leaving", "left", "leaves", "departed", "departing", "departs")

	// Dependence.
	addTrigger(trigger{typ: DependsOn, preps: []string{"on", "upon"}}, "dependence", "depends", "depend", "dependent", "reliance", "relies", "rely", "reliant")
	// Criticism.
	addTrigger(trigger{typ: Criticize, pos: 'V'}, "criticized", "criticised", "criticizes", "criticises", "criticize", "criticise", "condemned", "condemns", "condemn", "denounced", "denounces", "slammed", "rebuked", "decried", "blasted", "chided", "protested", "protests", "protest", "deplored", "rebuked")
	addTrigger(trigger{typ: Criticize, pos: 'N', preps: []string{"of"}}, "criticism", "condemnation", "critic")
	// Accusation.
	addTrigger(trigger{typ: Accuse, pos: 'V'}, "accused", "accuses", "accuse", "accusing", "blamed", "blames", "blame", "blaming", "prosecute", "prosecuted", "charged", "sued", "indicted")
	addTrigger(trigger{typ: Accuse, pos: 'V', needs: []string{"accountable", "responsible"}}, "hold", "held", "holds")
	// Threats.
	addTrigger(trigger{typ: Threaten, pos: 'V'}, "threatened", "threatens", "threaten", "threatening", "warned", "warns", "warn")
	// Sanctions.
	addTrigger(trigger{typ: Sanction, pos: 'V'}, "sanctioned", "sanctions", "sanction", "expelled", "expels", "banned", "bans", "blacklisted", "embargoed")
	addTrigger(trigger{typ: Sanction, pos: 'N', preps: on}, "sanctions", "embargo", "restrictions", "tariffs", "measures", "bans", "ban")
	addTrigger(trigger{typ: Sanction, pos: 'V', preps: with, needs: []string{"border", "borders", "frontier"}}, "sealed", "closed", "shut", "seals", "closes")
	// "suspend visa-free travel for Georgian diplomats"
	addTrigger(trigger{typ: Sanction, pos: 'V', needs: []string{"visa-free", "visa", "visas", "accreditation", "landing", "overflight"}},
		"suspend", "suspended", "suspends", "suspending", "revoke", "revoked", "revokes", "revoking")
	// Fighting.
	addTrigger(trigger{typ: Fight, pos: 'V'}, "attacked", "attacks", "attack", "attacking", "struck", "strikes", "strike", "bombed", "bombs", "shelled", "invaded", "invades", "ousted", "ousts", "toppled", "fought", "fights", "fight", "fighting", "targeted", "raided", "killed", "destroyed", "shot", "downed",
		"battled", "battling", "defeated", "defeat", "defeating", "repelled", "shelling", "invading")
	addTrigger(trigger{typ: Fight, pos: 'N', preps: []string{"on", "against", "of", "with"}}, "attack", "attacks", "strike", "strikes", "offensive", "war", "invasion", "ousting", "overthrow", "ouster", "airstrikes", "bombing", "fight", "fighting",
		"airstrike", "air-strike", "raid", "raids", "assault", "bombardment", "incursion")
	addTrigger(trigger{typ: Fight, pos: 'V', preps: with, mode: pair}, "clashed")
	addTrigger(trigger{typ: Fight, pos: 'V', noPlace: true}, "captured", "captures", "capture", "capturing")
	// Interviews.
	addTrigger(trigger{typ: Interview, pos: 'N', preps: with}, "interview")
	addTrigger(trigger{typ: Interview, pos: 'V'}, "told", "telling")
	return triggers
}

// Words that mark a relation as intended, negated or reported when they
// come shortly before its trigger or anywhere in its sentence.
var (
	intentWords = map[string]bool{
		"plan": true, "plans": true, "planned": true, "planning": true, "intend": true, "intends": true,
		"intention": true, "intentions": true, "will": true, "would": true, "hope": true, "hopes": true,
		"hoping": true, "aim": true, "aims": true, "seek": true, "seeks": true, "seeking": true,
		"expected": true, "want": true, "wants": true, "pursue": true, "vowed": true, "vows": true,
		"pledged": true, "could": true, "may": true, "might": true, "proposed": true, "scheduled": true,
		"set": true, "prepared": true, "ready": true, "considering": true, "upcoming": true, "due": true,
	}
	negWords = map[string]bool{
		"blocked": true, "blocks": true, "blocking": true, "vetoed": true, "vetoes": true,
		"miss": true, "missed": true, "misses": true, "skip": true, "skipped": true, "skips": true,
		"cancelled": true, "canceled": true, "cancels": true, "postponed": true, "postpones": true,
		"not": true, "n't": true, "never": true, "no": true, "denied": true, "denies": true,
		"deny": true, "refused": true, "refuses": true, "declined": true, "rejected": true, "without": true,
	}
	reportCues = [][]string{
		{"reports", "suggest"}, {"reportedly"}, {"according", "to"}, {"allegedly"}, {"reports", "say"},
		{"is", "said", "to"}, {"are", "said", "to"}, {"was", "said", "to"}, {"were", "said", "to"},
		{"reports", "said"}, {"unconfirmed"}, {"claimed"}, {"claims"},
	}
)

// adjunctWords open a time clause that may be a mere adjunct of the
// clause's verb: "before leaving Muscat".
var adjunctWords = map[string]bool{"before": true, "after": true, "while": true, "since": true, "when": true}

// boundaryWords end the clause a trigger's arguments are looked for in.
var boundaryWords = map[string]bool{
	";": true, "but": true, "while": true, "whereas": true, "although": true, "though": true,
	"because": true, "after": true, "before": true, "when": true, "since": true, "—": true, "–": true,
}
