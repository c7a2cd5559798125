package relations_test

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

var markRE = regexp.MustCompile(`\[([^\]|]+)\|([A-Z]+)\]`)

// extractMarked builds a document from text whose mentions are marked
// "[Vladimir Putin|PERSON]", without the tagger, and extracts relations.
// Gazetteer names get their canonical name and country as the tagger
// path would give them.
func extractMarked(t *testing.T, marked string) (*entities.Document, []relations.Relation) {
	t.Helper()
	m, err := entities.NewModel(entities.WithTagger(nil))
	require.NoError(t, err)
	var text strings.Builder
	var ms []entities.Mention
	last := 0
	for _, loc := range markRE.FindAllStringSubmatchIndex(marked, -1) {
		text.WriteString(marked[last:loc[0]])
		name, typ := marked[loc[2]:loc[3]], marked[loc[4]:loc[5]]
		et, err := entities.ParseType(typ)
		require.NoError(t, err)
		mt := entities.Mention{Start: text.Len(), End: text.Len() + len(name), Type: et}
		if es := m.Gazetteer().Lookup(name); len(es) > 0 && es[0].Type == et {
			mt.Country, mt.Canonical = es[0].Country, es[0].Name
		}
		ms = append(ms, mt)
		text.WriteString(name)
		last = loc[1]
	}
	text.WriteString(marked[last:])
	doc, err := m.AnnotateMentions(text.String(), ms)
	require.NoError(t, err)
	rels, err := relations.NewRuleExtractor(m.Gazetteer()).Extract(doc)
	require.NoError(t, err)
	checkContract(t, doc, rels)
	return doc, rels
}

// checkContract asserts what every extractor owes: arguments in range,
// types the schema allows, evidence that is the text at its offsets.
func checkContract(t *testing.T, doc *entities.Document, rels []relations.Relation) {
	t.Helper()
	for _, r := range rels {
		require.True(t, r.Source >= 0 && r.Source < len(doc.Entities), "source out of range")
		require.True(t, r.Target >= 0 && r.Target < len(doc.Entities), "target out of range")
		assert.True(t, r.Type.Allows(doc.Entities[r.Source].Type, doc.Entities[r.Target].Type), "%v not allowed", r.Type)
		assert.True(t, r.Confidence > 0 && r.Confidence <= 1)
		require.NotEmpty(t, r.Evidence)
		for _, e := range r.Evidence {
			require.NoError(t, doc.CheckSpan(e.Start, e.End))
			assert.Equal(t, doc.Text[e.Start:e.End], e.Text)
		}
	}
}

// edges renders relations as "TYPE source -> target [modality]" lines.
func edges(doc *entities.Document, rels []relations.Relation) []string {
	var out []string
	for _, r := range rels {
		s := fmt.Sprintf("%v %s -> %s", r.Type, doc.Entities[r.Source].Name, doc.Entities[r.Target].Name)
		if r.Modality != relations.Asserted {
			s += " [" + r.Modality.String() + "]"
		}
		out = append(out, s)
	}
	return out
}

func TestRuleExtractor(t *testing.T) {
	tests := []struct {
		name   string
		marked string
		want   []string
	}{
		{"title with nationality", "[Russian|NORP] President [Vladimir Putin|PERSON] spoke on Monday.",
			[]string{"LEADER_OF Vladimir Putin -> Russia"}},
		{"possessive title", "[Iran|GPE]'s Foreign Minister [Abbas Araghchi|PERSON] spoke.",
			[]string{"OFFICIAL_OF Abbas Araghchi -> Iran"}},
		{"institution before title", "[Kremlin|ORG] spokesperson [Dmitry Peskov|PERSON] said little.",
			[]string{"OFFICIAL_OF Dmitry Peskov -> Kremlin"}},
		{"apposition", "[Rafael Grossi|PERSON], head of the [International Atomic Energy Agency|ORG], spoke.",
			[]string{"LEADER_OF Rafael Grossi -> International Atomic Energy Agency"}},
		{"visit", "[Ilham Aliyev|PERSON] visited [Ankara|GPE] on Monday.",
			[]string{"VISIT Ilham Aliyev -> Ankara"}},
		{"opening clause gives the subject", "Upon welcoming [Ilham Aliyev|PERSON] at the palace, [Recep Tayyip Erdogan|PERSON] praised [Azerbaijan|GPE].",
			[]string{"HOST Recep Tayyip Erdogan -> Ilham Aliyev", "MEET Recep Tayyip Erdogan -> Ilham Aliyev", "PRAISE Recep Tayyip Erdogan -> Azerbaijan"}},
		{"passive", "[Ilham Aliyev|PERSON] was welcomed by [Recep Tayyip Erdogan|PERSON] in the capital.",
			[]string{"HOST Recep Tayyip Erdogan -> Ilham Aliyev", "MEET Recep Tayyip Erdogan -> Ilham Aliyev"}},
		{"between pair", "Talks between [Japan|GPE] and [China|GPE] ended late.",
			[]string{"MEET Japan -> China"}},
		{"relative clause skipped", "[Ahmad al-Sharaa|PERSON], who ousted [Bashar Assad|PERSON] last year, made his first visit to [Russia|GPE].",
			[]string{"FIGHT Ahmad al-Sharaa -> Bashar Assad", "VISIT Ahmad al-Sharaa -> Russia"}},
		{"reported", "Reports suggest [Moscow|GPE] has dispatched oil supplies to [Syria|GPE].",
			[]string{"PROVIDE_AID Russia -> Syria [reported]"}},
		{"intended", "[Syria|GPE] would pursue all legal avenues to hold [Bashar Assad|PERSON] accountable.",
			[]string{"ACCUSE Syria -> Bashar Assad [intended]"}},
		{"negated is no edge", "[Vladimir Putin|PERSON] did not meet [Volodymyr Zelensky|PERSON] in the end.", nil},
		{"hosted to a place", "[Recep Tayyip Erdogan|PERSON] welcomed [Ilham Aliyev|PERSON] to [Ankara|GPE] on Tuesday.",
			[]string{"HOST Recep Tayyip Erdogan -> Ilham Aliyev", "MEET Recep Tayyip Erdogan -> Ilham Aliyev", "VISIT Ilham Aliyev -> Ankara"}},
		{"list subject", "[Estonia|GPE], [Latvia|GPE] and [Lithuania|GPE] imposed entry bans on [Irakli Kobakhidze|PERSON].",
			[]string{"SANCTION Estonia -> Irakli Kobakhidze", "SANCTION Latvia -> Irakli Kobakhidze", "SANCTION Lithuania -> Irakli Kobakhidze"}},
		{"list object with qualifiers", "[Takeshi Iwaya|PERSON] hosted [China|GPE]'s [Wang Yi|PERSON] and [South Korea|GPE]'s [Cho Hyun|PERSON] in the capital.",
			[]string{"HOST Takeshi Iwaya -> Wang Yi", "HOST Takeshi Iwaya -> Cho Hyun", "MEET Takeshi Iwaya -> Wang Yi", "MEET Takeshi Iwaya -> Cho Hyun",
				"OFFICIAL_OF Wang Yi -> China", "OFFICIAL_OF Cho Hyun -> South Korea"}},
		{"list meeting", "The foreign ministers of [Japan|GPE], [China|GPE] and [South Korea|GPE] met on Saturday.",
			[]string{"MEET Japan -> China", "MEET Japan -> South Korea", "MEET China -> South Korea"}},
		{"described person resolved by role", "[Turkish|NORP] President [Recep Tayyip Erdogan|PERSON] spoke. Later the [Turkish|NORP] leader praised [Ilham Aliyev|PERSON].",
			[]string{"LEADER_OF Recep Tayyip Erdogan -> Turkey", "PRAISE Recep Tayyip Erdogan -> Ilham Aliyev"}},
		{"possessor is the partner", "[Turkey|GPE] is [Azerbaijan|GPE]'s closest ally.",
			[]string{"ALLY_OF Turkey -> Azerbaijan"}},
		{"apposition to the object", "[United States|GPE] sanctioned the party's founder, billionaire [Bidzina Ivanishvili|PERSON], in December.",
			[]string{"SANCTION United States -> Bidzina Ivanishvili"}},
		{"it after a reporting verb", "[Lithuania|GPE] said separately that it had granted asylum to [Nino Beridze|PERSON].",
			[]string{"GRANT_ASYLUM Lithuania -> Nino Beridze"}},
		{"two states in a clause with no subject", "[Kremlin|ORG] spokesperson [Dmitry Peskov|PERSON] said that the future of [Russian|NORP] bases in [Syria|GPE] was on the negotiation table.",
			[]string{"OFFICIAL_OF Dmitry Peskov -> Kremlin", "NEGOTIATE Russia -> Syria", "MILITARY_PRESENCE_IN Russia -> Syria"}},
		{"benefit from backing", "[Bashar Assad|PERSON], a former ally of [Russia|GPE], benefited immensely from [Moscow|GPE]'s forceful intervention.",
			[]string{"ALLY_OF Bashar Assad -> Russia", "PROVIDE_AID Russia -> Bashar Assad"}},
		{"support for", "[Iran|GPE]'s support for the [Houthis|ORG] grew.",
			[]string{"PROVIDE_AID Iran -> Houthis"}},
		{"party members are members", "[Levan Gelashvili|PERSON], a [Georgian Dream|ORG] lawmaker, spoke.",
			[]string{"MEMBER_OF Levan Gelashvili -> Georgian Dream"}},
		{"a nationality is no employer", "[Hans Grundberg|PERSON], a [Swedish|NORP] diplomat, spoke.", nil},
		{"someone else's title", "[Kim Yo Jong|PERSON], the [North Korean|NORP] leader's sister, spoke.", nil},
		{"rank split from its period", "[Burkina Faso|GPE]'s leader, Capt. [Ibrahim Traore|PERSON], spoke.",
			[]string{"LEADER_OF Ibrahim Traore -> Burkina Faso"}},
		{"comma is no list", "[Moscow|GPE] pursued its war against [Ukraine|GPE], [South Korea|GPE]'s spy agency said.",
			[]string{"FIGHT Russia -> Ukraine"}},
		{"deputy heads are officials", "[Dmitry Medvedev|PERSON], deputy chairman of [Russia's Security Council|ORG], spoke.",
			[]string{"OFFICIAL_OF Dmitry Medvedev -> Russia's Security Council"}},
		{"hosts receive visits", "[Japanese|NORP] Foreign Minister [Takeshi Iwaya|PERSON] hosted [China|GPE]'s [Wang Yi|PERSON] at a guesthouse.",
			[]string{"OFFICIAL_OF Takeshi Iwaya -> Japan", "HOST Takeshi Iwaya -> Wang Yi", "MEET Takeshi Iwaya -> Wang Yi", "VISIT Wang Yi -> Japan", "OFFICIAL_OF Wang Yi -> China"}},
		{"tense relations are no cooperation", "Relations between [Senegal|GPE] and [Mali|GPE] have been tense.", nil},
		{"restored relations are", "[Saudi Arabia|GPE] and [Iran|GPE] restored diplomatic relations in 2023.",
			[]string{"COOPERATE Saudi Arabia -> Iran"}},
		{"a common-noun subject is no name", "[Iranian|NORP] spokesman [Esmaeil Baghaei|PERSON] said the two sides had agreed to meet again, probably in [Rome|GPE].",
			[]string{"OFFICIAL_OF Esmaeil Baghaei -> Iran"}},
		{"a modifier of the subject noun acts", "[U.S.|GPE] forces have struck [Houthi|ORG] launchers.",
			[]string{"FIGHT United States -> Houthis"}},
		{"metonymy: a seat of government acts for its state", "The [Kremlin|ORG] accused [Ukraine|GPE] of sabotage.",
			[]string{"ACCUSE Russia -> Ukraine"}},
		{"metonymy: a capital visited stays a place", "[Ilham Aliyev|PERSON] visited [Moscow|GPE] and praised [Beijing|GPE].",
			[]string{"VISIT Ilham Aliyev -> Moscow", "PRAISE Ilham Aliyev -> China"}},
		{"the bloc refers back", "The [European Union|ORG] met in [Brussels|GPE] on Monday. The bloc condemned [Georgia|GPE].",
			[]string{"CRITICIZE European Union -> Georgia"}},
		{"the two countries refers back", "[Japan|GPE] and [China|GPE] held talks. The two countries signed a treaty.",
			[]string{"MEET Japan -> China", "AGREE Japan -> China"}},
		{"a nationality stays one where the relation allows it", "The [Houthis|ORG] threatened [Israeli|NORP] ships.",
			[]string{"THREATEN Houthis -> Israeli"}},
		{"pronoun refers to the last subject", "[Vladimir Putin|PERSON] arrived in [Ankara|GPE] on Monday. He praised [Turkey|GPE] for its help.",
			[]string{"VISIT Vladimir Putin -> Ankara", "PRAISE Vladimir Putin -> Turkey"}},
		{"the two leaders refers back", "[Ferdinand Marcos|PERSON] met [Shigeru Ishiba|PERSON] in [Manila|GPE], and the two leaders agreed to expand exercises.",
			[]string{"MEET Ferdinand Marcos -> Shigeru Ishiba", "AGREE Ferdinand Marcos -> Shigeru Ishiba"}},
		{"protest is criticism", "[Japan|GPE] protested repeated [Chinese|NORP] incursions near the islands.",
			[]string{"CRITICIZE Japan -> Chinese"}},
		{"forces sent to a sea are a presence", "The [United States|GPE] has sent warships and jets to the [Caribbean|LOC].",
			[]string{"MILITARY_PRESENCE_IN United States -> Caribbean"}},
		{"the title refers to its one holder", "[Russia|GPE]'s Foreign Minister [Sergey Lavrov|PERSON] arrived on Monday. The minister praised [Turkey|GPE].",
			[]string{"OFFICIAL_OF Sergey Lavrov -> Russia", "PRAISE Sergey Lavrov -> Turkey"}},
		{"the title with two holders refers to none", "[Iran|GPE]'s Foreign Minister [Abbas Araghchi|PERSON] met [Oman|GPE]'s Foreign Minister [Badr Albusaidi|PERSON]. The minister praised [Turkey|GPE].",
			[]string{"OFFICIAL_OF Abbas Araghchi -> Iran", "OFFICIAL_OF Badr Albusaidi -> Oman", "MEET Abbas Araghchi -> Badr Albusaidi"}},
		{"metonymy: Brussels acts for the EU", "The [European Union|ORG] met on Monday. [Brussels|GPE] criticized [Georgia|GPE] again.",
			[]string{"CRITICIZE European Union -> Georgia"}},
		{"they refers to a list subject", "[Estonia|GPE], [Latvia|GPE] and [Lithuania|GPE] met in [Riga|GPE] last week. They criticized [Russia|GPE] again.",
			[]string{"MEET Estonia -> Latvia", "MEET Estonia -> Lithuania", "MEET Latvia -> Lithuania", "CRITICIZE Estonia -> Russia", "CRITICIZE Latvia -> Russia", "CRITICIZE Lithuania -> Russia"}},
		{"they without a list says nothing", "[Russia|GPE] met [China|GPE] in the morning. They criticized [Japan|GPE].",
			[]string{"MEET Russia -> China"}},
		{"talks of a kind are negotiations too", "[Iran|GPE] and the [United States|GPE] held a new round of indirect talks in [Muscat|GPE].",
			[]string{"MEET Iran -> United States", "NEGOTIATE Iran -> United States"}},
		{"an honorific in an apposition keeps the name the subject", "[Saudi Arabia|GPE]'s foreign minister, Prince [Faisal bin Farhan|PERSON], hosted his counterparts from [Kuwait|GPE] and [Bahrain|GPE].",
			[]string{"OFFICIAL_OF Faisal bin Farhan -> Saudi Arabia", "HOST Faisal bin Farhan -> Kuwait", "HOST Faisal bin Farhan -> Bahrain",
				"MEET Faisal bin Farhan -> Kuwait", "MEET Faisal bin Farhan -> Bahrain"}},
		{"a lawmaker from the ruling party is a member", "[Kang Min-jae|PERSON], a lawmaker from the ruling [Democratic Party|ORG], spoke.",
			[]string{"MEMBER_OF Kang Min-jae -> Democratic Party"}},
		{"a unit of a body is a member", "[Africa Corps|ORG], a paramilitary unit of the [Russian Defense Ministry|ORG], took over.",
			[]string{"MEMBER_OF Africa Corps -> Russian Ministry of Defence"}},
		{"an affiliate is a member", "The [JNIM|ORG], [al-Qaida|ORG]'s affiliate in the Sahel, attacked a base.",
			[]string{"MEMBER_OF Jama'at Nasr al-Islam wal Muslimin -> al-Qaeda"}},
		{"a joint force is cooperation", "[Mali|GPE], [Burkina Faso|GPE] and [Niger|GPE] launched a joint force.",
			[]string{"COOPERATE Mali -> Burkina Faso", "COOPERATE Mali -> Niger", "COOPERATE Burkina Faso -> Niger"}},
		{"an organisation named after a comma", "[Washington|GPE] kept sanctions on [Venezuela|GPE]'s state oil company, [PDVSA|ORG], in place.",
			[]string{"BASED_IN PDVSA -> Venezuela", "SANCTION United States -> PDVSA"}},
		{"described person unknown", "The [Argentine|NORP] diplomat criticized [Iran|GPE] again.", nil},
		{"same side is not a target", "[Russian|NORP] President [Vladimir Putin|PERSON] praised the ties between [Moscow|GPE] and [Damascus|GPE].",
			[]string{"LEADER_OF Vladimir Putin -> Russia", "PRAISE Vladimir Putin -> Syria"}},
		{"interview", "During an interview with [CBS|ORG], [Sergey Lavrov|PERSON] said nothing new.",
			[]string{"INTERVIEW CBS News -> Sergey Lavrov"}},
		{"nationality as an actor", "[Russian|NORP] bases in [Syria|GPE] remain.",
			[]string{"MILITARY_PRESENCE_IN Russia -> Syria"}},
		{"apposition: a modifier that is part of the title", "[John Smith|PERSON], the [Omani|NORP] foreign minister, shuttled between the sides.",
			[]string{"OFFICIAL_OF John Smith -> Oman"}},
		{"apposition: title of a country", "[John Smith|PERSON], the foreign minister of [Oman|GPE], said little.",
			[]string{"OFFICIAL_OF John Smith -> Oman"}},
		{"coordinated verb past a gerund adjunct", "[Ana Torres|PERSON] held talks in the capital before leaving [Lima|GPE] and thanked [Chile|GPE] for its help.",
			[]string{"PRAISE Ana Torres -> Chile"}},
		{"no coordination past a finite clause", "[Ana Torres|PERSON] spoke in the capital before the talks ended and praised [Chile|GPE].", nil},
		{"ruler as a described person", "[Omani|NORP] Sultan [Said Hamed|PERSON] spoke. Later [Ana Torres|PERSON] thanked the [Omani|NORP] ruler for his help.",
			[]string{"LEADER_OF Said Hamed -> Oman", "PRAISE Ana Torres -> Said Hamed"}},
		{"apposition: modifiers before the employer", "[Ana Torres|PERSON], a senior [Peruvian Foreign Ministry|ORG] official, said little.",
			[]string{"OFFICIAL_OF Ana Torres -> Peruvian Foreign Ministry"}},
		{"a party leader may hold a state office", "[Lima|GPE] (AP) — Talks ended on Monday. Prime Minister [Ana Torres|PERSON], the leader of the ruling [Fuerza|ORG] party, spoke. [Peru|GPE] wants more trade.",
			[]string{"LEADER_OF Ana Torres -> Fuerza", "LEADER_OF Ana Torres -> Peru"}},
		{"noun trigger in an apposition", "[Ana Torres|PERSON], the leader of the ruling [Fuerza|ORG] party and a long-time critic of [Chile|GPE]'s role, spoke.",
			[]string{"LEADER_OF Ana Torres -> Fuerza", "CRITICIZE Ana Torres -> Chile"}},
		{"no apposition past a finite verb", "[Ana Torres|PERSON], who met [Carlos Ruiz|PERSON], is a critic of nobody.",
			[]string{"MEET Ana Torres -> Carlos Ruiz"}},
		{"possessive place with a place noun", "The rebels control [Yemen|GPE]'s capital [Sanaa|GPE] and the north.",
			[]string{"LOCATED_IN Sanaa -> Yemen"}},
		{"possessive place before a place noun", "Troops went to [Russia|GPE]'s [Kursk|GPE] region and a ceremony was held in [Dakar|GPE]'s [Ouakam|LOC] district.",
			[]string{"LOCATED_IN Kursk -> Russia", "LOCATED_IN Ouakam -> Dakar"}},
		{"possessive place the gazetteer puts elsewhere", "They flew to [France|GPE]'s capital [Berlin|GPE] by mistake.", nil},
		{"where a body has its headquarters", "In [Abuja|GPE], where [ECOWAS|ORG] has its headquarters, officials spoke.",
			[]string{"BASED_IN Economic Community of West African States -> Abuja"}},
		{"where a unit is based", "The two flew to [Rukla|GPE], where the newly formed [45th Armored Brigade|ORG] is based.",
			[]string{"BASED_IN 45th Armored Brigade -> Rukla"}},
		{"where a unit only trains", "The two flew to [Rukla|GPE], where the [45th Armored Brigade|ORG] trained.", nil},
		{"expected in a place is an intended visit", "[Ana Torres|PERSON] is expected in [Lima|GPE] later this week.",
			[]string{"VISIT Ana Torres -> Lima [intended]"}},
		{"a name after a place is no list member", "The special envoy for [Yemen|GPE], [Ana Torres|PERSON], is expected in [Lima|GPE] later this week.",
			[]string{"VISIT Ana Torres -> Lima [intended]"}},
		{"dateline gives a local office holder its country", "[Lima|GPE] (AP) — Talks ended on Monday. Prime Minister [Ana Torres|PERSON] said little. [Peru|GPE] wants more trade.",
			[]string{"LEADER_OF Ana Torres -> Peru"}},
		{"dateline country named nowhere else", "[Brussels|GPE] (AP) — Talks ended on Monday. Prime Minister [Ana Torres|PERSON] said little.", nil},
		{"dateline not for descriptions", "[Lima|GPE] (AP) — Talks ended on Monday. The group's leader, [Ana Torres|PERSON], said little. [Peru|GPE] wants more trade.", nil},
		{"dateline not for past offices", "[Lima|GPE], [Peru|GPE] (Reuters) - Talks ended on Monday. Former President [Ana Torres|PERSON] said little. [Peru|GPE] wants more trade.",
			[]string{"LOCATED_IN Lima -> Peru"}},
		{"dateline not for ranks", "[Lima|GPE] (AP) — Talks ended on Monday. Gen. [Ana Torres|PERSON] said little. [Peru|GPE] wants more trade.", nil},
		{"the bloc's president is the nearest bloc's", "In [Abuja|GPE], where [ECOWAS|ORG] has its headquarters, the bloc's commission president, [Ana Torres|PERSON], spoke.",
			[]string{"BASED_IN Economic Community of West African States -> Abuja", "LEADER_OF Ana Torres -> Economic Community of West African States"}},
		{"the bloc's president with no bloc named", "In [Lima|GPE], the bloc's president, [Ana Torres|PERSON], spoke.", nil},
		{"qualifiers between possessive and title", "[Iran|GPE]'s nuclear chief, [Ana Torres|PERSON], spoke.",
			[]string{"OFFICIAL_OF Ana Torres -> Iran"}},
		{"title holder of a country", "President [Ana Torres|PERSON] of [Peru|GPE] arrived.",
			[]string{"LEADER_OF Ana Torres -> Peru"}},
		{"title holder of a possessor's body", "Prime Minister [Ana Torres|PERSON] of [Peru|GPE]'s ruling party arrived.", nil},
		{"she is not a man", "President [Vladimir Putin|PERSON] of [Russia|GPE] spoke on Monday. She later visited [Paris|GPE].",
			[]string{"LEADER_OF Vladimir Putin -> Russia"}},
		{"she is a woman", "President [Angela Merkel|PERSON] of [Germany|GPE] spoke on Monday. She later visited [Paris|GPE].",
			[]string{"LEADER_OF Angela Merkel -> Germany", "VISIT Angela Merkel -> Paris"}},
		{"an honorific tells the sex", "Mr. [Kim Sung|PERSON] spoke on Monday. She later visited [Paris|GPE].", nil},
		{"an office holder's adviser serves the state", "[Brazilian|NORP] President [Luiz Lula|PERSON] spoke. [Celso Amorim|PERSON], [Lula|PERSON]'s chief foreign policy adviser, told the newspaper [Folha de S.Paulo|ORG] on Sunday that talks were possible.",
			[]string{"LEADER_OF Luiz Lula -> Brazil", "OFFICIAL_OF Celso Amorim -> Brazil", "INTERVIEW Folha de S.Paulo -> Celso Amorim"}},
		{"an adviser of a person with no office", "[Ana Torres|PERSON], [Luis Perez|PERSON]'s adviser, spoke.", nil},
		{"her minister serves her state", "[Mexican|NORP] President [Claudia Sheinbaum|PERSON] spoke. Her deputy foreign minister for [Latin America|LOC], [Ana Torres|PERSON], attended.",
			[]string{"LEADER_OF Claudia Sheinbaum -> Mexico", "OFFICIAL_OF Ana Torres -> Mexico"}},
		{"his minister when he holds no office", "[Luis Perez|PERSON] spoke. His foreign minister, [Ana Torres|PERSON], attended.", nil},
		{"a place and its nationality", "Tensions rose over [Kaliningrad|GPE], the [Russian|NORP] exclave on the Baltic. Drones hit [Odesa|GPE], a [Ukrainian|NORP] port city, overnight.",
			[]string{"LOCATED_IN Kaliningrad -> Russia", "LOCATED_IN Odesa -> Ukraine"}},
		{"a place the gazetteer puts elsewhere keeps its country", "They flew to [Berlin|GPE], the [French|NORP] capital, by mistake.", nil},
		{"a place in a region", "The command sits in [Northwood|GPE], [England|GPE], near London.",
			[]string{"LOCATED_IN Northwood -> England"}},
		{"a list of regions is no location", "[Texas|GPE], [California|GPE] and [Florida|GPE] voted early.", nil},
		{"one of the other officials of a ruling party", "Bans hit Prime Minister [Ana Torres|PERSON] and more than a dozen other officials of the ruling [Georgian Dream|ORG] party.",
			[]string{"MEMBER_OF Ana Torres -> Georgian Dream", "LEADER_OF Ana Torres -> Georgia"}},
		{"a party leader does not lead the state", "Bans hit Opposition Leader [Ana Torres|PERSON] and other officials of the [Georgian Dream|ORG] party.",
			[]string{"MEMBER_OF Ana Torres -> Georgian Dream"}},
		{"one of the other members of a group", "Sanctions hit [Ana Torres|PERSON] and other members of [Hamas|ORG].",
			[]string{"MEMBER_OF Ana Torres -> Hamas"}},
		{"other officials of a possessor", "Bans hit [Ana Torres|PERSON] and other officials of [Georgia|GPE]'s government.", nil},
		{"an opposition leader leads no state", "[Israel|GPE]'s opposition leader [Ana Torres|PERSON] spoke. [Venezuelan|NORP] opposition leader [Luis Perez|PERSON] spoke.", nil},
		{"a participle after a verb fights", "About 2,000 [North Korean|NORP] soldiers had been killed or wounded fighting [Ukrainian|NORP] forces since last year.",
			[]string{"FIGHT North Korean -> Ukrainian"}},
		{"the fighting is no fight without parties", "The escalation resumed fighting in the region.", nil},
		{"troops sent to fight are no aid to the enemy", "[North Korea|GPE] sent troops to fight [Ukraine|GPE].",
			[]string{"FIGHT North Korea -> Ukraine"}},
		{"who is helped to act acts", "[Turkish|NORP] drones helped [Azerbaijan|GPE] defeat [Armenian|NORP] separatists. [Iran|GPE] let [Russia|GPE] attack [Ukraine|GPE].",
			[]string{"FIGHT Azerbaijan -> Armenian", "FIGHT Russia -> Ukraine"}},
		{"a description names the one person before", "The [International Atomic Energy Agency|ORG] said its director general, [Ana Torres|PERSON], will travel. The [Argentine|NORP] diplomat, who runs the agency, has criticized [Iran|GPE].",
			[]string{"LEADER_OF Ana Torres -> International Atomic Energy Agency", "CRITICIZE Ana Torres -> Iran"}},
		{"a description with two people before names none", "[Ana Torres|PERSON] met [Luis Perez|PERSON]. The [Argentine|NORP] diplomat has criticized [Iran|GPE].", []string{"MEET Ana Torres -> Luis Perez"}},
		{"granted him asylum", "[Edmundo Gonzalez|PERSON] has lived in [Madrid|GPE] since [Spain|GPE] granted him asylum last year.",
			[]string{"GRANT_ASYLUM Spain -> Edmundo Gonzalez"}},
		{"granted a named person asylum", "[Russia|GPE] granted [Bashar Assad|PERSON] asylum.",
			[]string{"GRANT_ASYLUM Russia -> Bashar Assad"}},
		{"him is not the granter", "[Vladimir Putin|PERSON] granted him asylum.", nil},
		{"a country's diplomat without a title", "[Ana Torres|PERSON] hosted [China|GPE]'s [Wang Yi|PERSON] in the capital.",
			[]string{"HOST Ana Torres -> Wang Yi", "MEET Ana Torres -> Wang Yi", "OFFICIAL_OF Wang Yi -> China"}},
		{"a country's person outside diplomacy", "[Argentina|GPE]'s [Lionel Messi|PERSON] scored twice.", nil},
		{"readiness to strike is a threat", "[Israel|GPE] is ready to strike [Iran|GPE] if diplomacy fails. [Russia|GPE] plans to attack [Ukraine|GPE].",
			[]string{"THREATEN Israel -> Iran", "FIGHT Russia -> Ukraine [intended]"}},
		{"a reported readiness stays reported", "[Israel|GPE] is reportedly ready to strike [Iran|GPE].",
			[]string{"THREATEN Israel -> Iran [reported]"}},
		{"it is whoever told", "[Israel|GPE], which fears [Iran|GPE], has told [Washington|GPE] it is ready to strike [Iran|GPE].",
			[]string{"THREATEN Israel -> Iran"}},
		{"it after telling a person is nobody", "The minister has told [Washington|GPE] it is ready to strike [Iran|GPE].", nil},
		{"leaving a foreign capital was a visit", "[Iranian|NORP] Foreign Minister [Abbas Araghchi|PERSON] held talks with [Haitham bin Tarik|PERSON] before leaving [Muscat|GPE].",
			[]string{"OFFICIAL_OF Abbas Araghchi -> Iran", "MEET Abbas Araghchi -> Haitham bin Tarik", "VISIT Abbas Araghchi -> Muscat"}},
		{"leaving one's own country is no visit", "[Syrian|NORP] President [Bashar Assad|PERSON] left [Syria|GPE] in December.",
			[]string{"LEADER_OF Bashar Assad -> Syria"}},
		{"leaving with no known country is no visit", "[Ana Torres|PERSON] left [Lima|GPE] on Monday.", nil},
		{"aid named at length before its recipient", "[Moscow|GPE] has also delivered attack helicopters and armored vehicles to the [Malian|NORP] army.",
			[]string{"PROVIDE_AID Russia -> Mali"}},
		{"an agreement on cooperation is cooperation", "[Turkey|GPE] and [Azerbaijan|GPE] signed agreements on defense industry cooperation.",
			[]string{"AGREE Turkey -> Azerbaijan", "COOPERATE Turkey -> Azerbaijan"}},
		{"an agreement on a pipeline is no cooperation", "[Turkey|GPE] and [Azerbaijan|GPE] signed agreements on a gas pipeline.",
			[]string{"AGREE Turkey -> Azerbaijan"}},
		{"a list of things sent", "The [United States|GPE] has sent warships, a nuclear-powered submarine and fighter jets to the southern [Caribbean|LOC].",
			[]string{"MILITARY_PRESENCE_IN United States -> Caribbean"}},
		{"a verb between sent and to", "[Russia|GPE] sent aid, officials said, to [Syria|GPE].", nil},
		{"a trailing participle takes the sentence's subject", "[NATO|ORG] launched its [Baltic Sentry|MISC] mission in January, deploying frigates, patrol aircraft and naval drones to the [Baltic Sea|LOC].",
			[]string{"MILITARY_PRESENCE_IN NATO -> Baltic Sea"}},
		{"troops that withdrew were there", "The last [Russian|NORP] peacekeepers withdrew from [Nagorno-Karabakh|GPE] last year. [French|NORP] troops left [Mali|GPE] in 2022.",
			[]string{"MILITARY_PRESENCE_IN Russia -> Nagorno-Karabakh", "MILITARY_PRESENCE_IN France -> Mali"}},
		{"a state that withdrew from a treaty had one", "[Russia|GPE] withdrew from the treaty with [Ukraine|GPE].",
			[]string{"AGREE Russia -> Ukraine"}},
		{"an ally in apposition", "[Cuba|GPE], [Nicolas Maduro|PERSON]'s closest ally, depends heavily on [Venezuelan|NORP] oil.",
			[]string{"ALLY_OF Cuba -> Nicolas Maduro", "DEPENDS_ON Cuba -> Venezuela"}},
		{"counted as an ally", "[Lula|PERSON], who once counted [Nicolas Maduro|PERSON] as a close ally, has refused to recognize his claim.",
			[]string{"ALLY_OF Lula -> Nicolas Maduro"}},
		{"the two countries are the states of the two who met", "[Kim Jong Un|PERSON], the [North Korean|NORP] leader, received [Sergei Shoigu|PERSON], secretary of [Russia|GPE]'s Security Council. The two countries signed a mutual defense treaty last year.",
			[]string{"LEADER_OF Kim Jong Un -> North Korea", "OFFICIAL_OF Sergei Shoigu -> Russia", "HOST Kim Jong Un -> Sergei Shoigu", "MEET Kim Jong Un -> Sergei Shoigu",
				"VISIT Sergei Shoigu -> North Korea", "AGREE North Korea -> Russia", "ALLY_OF North Korea -> Russia"}},
		{"supplied a state with arms", "[Turkey|GPE] supplied [Azerbaijan|GPE] with armed drones.",
			[]string{"PROVIDE_AID Turkey -> Azerbaijan"}},
		{"joined them: the two who met", "[Mark Rutte|PERSON] was welcomed in [Vilnius|GPE] by [Gitanas Nauseda|PERSON]. [Boris Pistorius|PERSON] joined them for a tour of the base.",
			[]string{"HOST Gitanas Nauseda -> Mark Rutte", "MEET Gitanas Nauseda -> Mark Rutte", "VISIT Mark Rutte -> Vilnius",
				"MEET Boris Pistorius -> Mark Rutte", "MEET Boris Pistorius -> Gitanas Nauseda"}},
		{"joining a body is no meeting", "[Finland|GPE] joined [NATO|ORG] in 2023. [Ana Torres|PERSON] joined [Hamas|ORG].", nil},
		{"his forces captured soldiers", "[Ukrainian|NORP] President [Volodymyr Zelenskyy|PERSON] said that his forces had captured two [North Korean|NORP] soldiers. [Russian|NORP] troops captured [Pokrovsk|GPE].",
			[]string{"LEADER_OF Volodymyr Zelenskyy -> Ukraine", "FIGHT Volodymyr Zelenskyy -> North Korean"}},
		{"joint exercises the two hold", "The North would respond to joint military exercises that [South Korea|GPE] and the [United States|GPE] plan to hold.",
			[]string{"COOPERATE South Korea -> United States [intended]"}},
		{"after opens a clause whose subject attacks an army post", "The summit came a day after [JNIM|ORG], [al-Qaida|ORG]'s affiliate in the [Sahel|LOC], attacked an army base near [Djibo|GPE], in northern [Burkina Faso|GPE].",
			[]string{"MEMBER_OF Jama'at Nasr al-Islam wal Muslimin -> al-Qaeda", "LOCATED_IN Djibo -> Burkina Faso", "FIGHT Jama'at Nasr al-Islam wal Muslimin -> Burkina Faso"}},
		{"after a name as preposition", "The talks resumed after [Easter|MISC] in [Rome|GPE].", nil},
		{"a threat stated in a clause", "[Kim Yo Jong|PERSON] warned in a statement that the North would respond with overwhelming force to exercises that [South Korea|GPE] and the [United States|GPE] plan to hold.",
			[]string{"THREATEN Kim Yo Jong -> South Korea", "THREATEN Kim Yo Jong -> United States"}},
		{"a warning with no response is no threat to those named", "[Kim Yo Jong|PERSON] warned that [South Korea|GPE] and the [United States|GPE] plan exercises.", nil},
		{"meeting someone's critics is no meeting with them", "[Emmanuel Macron|PERSON] met [Alice Weidel|PERSON]'s critics in parliament.", nil},
		{"meeting a state's minister", "[Emmanuel Macron|PERSON] met [Poland|GPE]'s foreign minister in parliament.", []string{"MEET Emmanuel Macron -> Poland"}},
		{"hosting troops is their presence", "[Poland|GPE] was ready to host more [NATO|ORG] troops.",
			[]string{"MILITARY_PRESENCE_IN NATO -> Poland [intended]"}},
		{"a threatened cut says nothing of the aid", "[Marco Rubio|PERSON] threatened to cut aid to the [Palestinian Authority|ORG].",
			[]string{"THREATEN Marco Rubio -> Palestinian Authority"}},
		{"a title with of after a qualifier", "[Abdel Fattah el-Sisi|PERSON] spoke by phone with [U.S.|GPE] Secretary of State [Marco Rubio|PERSON].",
			[]string{"MEET Abdel Fattah el-Sisi -> Marco Rubio", "OFFICIAL_OF Marco Rubio -> United States"}},
		{"a body led by a person", "The [Rapid Support Forces|ORG], led by Gen. [Mohamed Hamdan Dagalo|PERSON], denied it. [Hamas|ORG], headed by [Yahya Sinwar|PERSON], fought.",
			[]string{"LEADER_OF Mohamed Hamdan Dagalo -> Rapid Support Forces", "LEADER_OF Yahya Sinwar -> Hamas"}},
		{"a coalition led by a state names no leader", "A coalition led by [Saudi Arabia|GPE] struck.", nil},
		{"hosting delegations at a body's seat is not hosting the body", "[Abiy Ahmed|PERSON] welcomed the delegations at the [African Union|ORG] headquarters.", nil},
		{"due in a place is an intended visit", "[José Manuel Albares|PERSON] is due in [Bogota|GPE] next week. The rise was due in large part to [Russia|GPE].",
			[]string{"VISIT José Manuel Albares -> Bogotá [intended]"}},
		{"welcoming strikes hosts no one", "[Daniel Noboa|PERSON] welcomed the [U.S.|GPE] strikes.", nil},
		{"offering to host troops", "[Ecuadorian|NORP] President [Daniel Noboa|PERSON] offered to host [American|NORP] troops.",
			[]string{"LEADER_OF Daniel Noboa -> Ecuador", "MILITARY_PRESENCE_IN United States -> Ecuador [intended]"}},
		{"accused him", "[Colombian|NORP] President [Gustavo Petro|PERSON] spoke. The [United States|GPE] revoked his visa and accused him of inciting violence.",
			[]string{"LEADER_OF Gustavo Petro -> Colombia", "ACCUSE United States -> Gustavo Petro"}},
		{"him is not the subject", "[Gustavo Petro|PERSON] said the judge accused him of lying.", nil},
		{"people who clash argue", "[Gustavo Petro|PERSON] has clashed repeatedly with [Donald Trump|PERSON] over deportations. [Israeli|NORP] and [Hezbollah|ORG] fighters clashed with each other.",
			[]string{"CRITICIZE Gustavo Petro -> Donald Trump", "FIGHT Israeli -> Hezbollah"}},
		{"a dateline is no subject", "[Bogota|GPE], [Colombia|GPE] (AP) — [Colombian|NORP] President [Gustavo Petro|PERSON] said he would stay, days after the [United States|GPE] accused him of inciting violence.",
			[]string{"LOCATED_IN Bogotá -> Colombia", "LEADER_OF Gustavo Petro -> Colombia", "ACCUSE United States -> Gustavo Petro"}},
		{"accused of with no object is passive", "The [European Union|ORG] imposed sanctions on three [Chinese|NORP] companies accused of supplying drone parts to [Russia|GPE], and [Britain|GPE] expelled a [Chinese|NORP] diplomat.",
			[]string{"SANCTION European Union -> Chinese", "SANCTION United Kingdom -> Chinese"}},
		{"accused of by an accuser", "[Ana Torres|PERSON] was accused of fraud by [Peru|GPE].", []string{"ACCUSE Peru -> Ana Torres"}},
		{"drills with a state", "[Japan|GPE] and [Australia|GPE], which both hold regular maritime drills with [Manila|GPE], expressed concern.",
			[]string{"COOPERATE Japan -> Philippines", "COOPERATE Australia -> Philippines"}},
		{"a host's country is not the guest's", "[Kyiv|GPE], [Ukraine|GPE] (AP) — [Ukrainian|NORP] President [Volodymyr Zelenskyy|PERSON] was received by King [Charles III|PERSON] at Windsor Castle.",
			[]string{"LOCATED_IN Kyiv -> Ukraine", "LEADER_OF Volodymyr Zelenskyy -> Ukraine", "HOST Charles III -> Volodymyr Zelenskyy", "MEET Charles III -> Volodymyr Zelenskyy"}},
		{"blocked aid is no aid", "[Viktor Orban|PERSON] has blocked [EU|ORG] aid packages for [Ukraine|GPE].", nil},
		{"a missed or cancelled trip is no visit", "[Martin Odegaard|PERSON] would miss the trip to [Paris|GPE]. [Ana Torres|PERSON] cancelled her visit to [Lima|GPE].", nil},
		{"an ayatollah's office is the title before", "[Iran|GPE]'s supreme leader, Ayatollah [Ali Khamenei|PERSON], rejected talks. Grand Ayatollah [Ali al-Sistani|PERSON] urged calm.",
			[]string{"LEADER_OF Ali Khamenei -> Iran"}},
		{"officials are not the one official", "[Iranian|NORP] Foreign Minister [Abbas Araghchi|PERSON] spoke. [Steve Witkoff|PERSON] was ready to meet [Iranian|NORP] officials anywhere.",
			[]string{"OFFICIAL_OF Abbas Araghchi -> Iran", "MEET Steve Witkoff -> Iran [intended]"}},
		{"a warning to strike a state's sites", "[Israel Katz|PERSON] warned that [Israel|GPE] would strike [Iran|GPE]'s nuclear sites again.",
			[]string{"THREATEN Israel Katz -> Iran", "FIGHT Israel -> Iran [intended]"}},
		{"the agent of a gerund after for or of", "[Iran|GPE] was sanctioned by the [European Union|ORG] for supplying drones to [Russia|GPE]. The [United States|GPE] accused [Iran|GPE] of supplying the [Houthis|ORG] with missiles.",
			[]string{"SANCTION European Union -> Iran", "PROVIDE_AID Iran -> Russia", "ACCUSE United States -> Iran", "PROVIDE_AID Iran -> Houthis [reported]"}},
		{"a rank after the office", "[Pakistan|GPE]'s army chief, Field Marshal [Asim Munir|PERSON], met [Saudi|NORP] Crown Prince [Mohammed bin Salman|PERSON] in [Riyadh|GPE].",
			[]string{"OFFICIAL_OF Asim Munir -> Pakistan", "MEET Asim Munir -> Mohammed bin Salman", "LEADER_OF Mohammed bin Salman -> Saudi Arabia"}},
		{"no dateline guess in a sentence about other countries only", "[Islamabad|GPE] (AP) — [Pakistan|GPE] spoke. [Narendra Modi|PERSON] will hold talks with President [Donald Trump|PERSON], who imposed tariffs on [Indian|NORP] goods.",
			[]string{"MEET Narendra Modi -> Donald Trump [intended]", "SANCTION Donald Trump -> Indian"}},
		{"the dateline's country when the sentence names it", "[Tokyo|GPE] (AP) — Talks ended. [Wang Yi|PERSON] was received by Prime Minister [Shigeru Ishiba|PERSON], who said ties between [Tokyo|GPE] and [Beijing|GPE] mattered. [Japan|GPE] agreed.",
			[]string{"HOST Shigeru Ishiba -> Wang Yi", "MEET Shigeru Ishiba -> Wang Yi", "LEADER_OF Shigeru Ishiba -> Japan", "VISIT Wang Yi -> Japan"}},
		{"the bloc proposes sanctions", "[EU|ORG] foreign policy chief [Kaja Kallas|PERSON] said the bloc would propose new sanctions against [Moscow|GPE].",
			[]string{"OFFICIAL_OF Kaja Kallas -> European Union", "SANCTION European Union -> Russia [intended]"}},
		{"training another's troops is aid", "[Turkey|GPE] has trained [Somali|NORP] troops for years. [Ana Torres|PERSON] trained hard.",
			[]string{"PROVIDE_AID Turkey -> Somalia"}},
		{"a strike against the group, not the place near it", "[Al-Shabaab|ORG] claimed the bombing. The [United States|GPE] carried out an airstrike against the group near [Kismayo|GPE].",
			[]string{"FIGHT United States -> al-Shabab"}},
		{"a title after 'after' opens a clause", "[Venezuela|GPE] released six detained [Americans|NORP] after President [Nicolas Maduro|PERSON] met with [Richard Grenell|PERSON] in [Caracas|GPE].",
			[]string{"MEET Nicolas Maduro -> Richard Grenell"}},
		{"flying back home is no visit", "[Richard Grenell|PERSON] flew back to [Texas|GPE] with the men.", nil},
		{"the chief of a body leads it", "[IAEA|ORG] chief [Rafael Grossi|PERSON] spoke. [Iran|GPE]'s nuclear chief [Mohammad Eslami|PERSON] spoke.",
			[]string{"LEADER_OF Rafael Grossi -> International Atomic Energy Agency", "OFFICIAL_OF Mohammad Eslami -> Iran"}},
		{"hosted by after a comma is passive", "The leaders of [Armenia|GPE] and [Azerbaijan|GPE] initialed a deal at the [White House|ORG], hosted by President [Donald Trump|PERSON].",
			[]string{"AGREE Armenia -> Azerbaijan", "HOST Donald Trump -> Armenia", "HOST Donald Trump -> Azerbaijan", "MEET Donald Trump -> Armenia", "MEET Donald Trump -> Azerbaijan", "LEADER_OF Donald Trump -> United States"}},
		{"a list of titled people", "[Armenian|NORP] Prime Minister [Nikol Pashinyan|PERSON] and [Azerbaijani|NORP] President [Ilham Aliyev|PERSON] thanked [Donald Trump|PERSON].",
			[]string{"LEADER_OF Nikol Pashinyan -> Armenia", "LEADER_OF Ilham Aliyev -> Azerbaijan", "PRAISE Nikol Pashinyan -> Donald Trump", "PRAISE Ilham Aliyev -> Donald Trump"}},
		{"a treaty ally is an ally, not a treaty", "The [United States|GPE], the [Philippines|GPE]' only treaty ally, welcomed the agreement.",
			[]string{"ALLY_OF United States -> Philippines"}},
		{"an attack helicopter is no attack", "[Moscow|GPE] delivered attack helicopters to [Mali|GPE].", []string{"PROVIDE_AID Russia -> Mali"}},
		{"a coordinated verb keeps its own modality", "[Gilberto Teodoro|PERSON] said the deal would deter aggression and thanked [Tokyo|GPE] for its support.",
			[]string{"PRAISE Gilberto Teodoro -> Japan"}},
		{"a war between two", "A country battered by war between [Israel|GPE] and [Hezbollah|ORG] needs help.", []string{"FIGHT Israel -> Hezbollah"}},
		{"backed by a state", "[Hezbollah|ORG], which is backed by [Iran|GPE], did not comment. [Iran|GPE], which backs [Hamas|ORG], spoke.",
			[]string{"PROVIDE_AID Iran -> Hezbollah", "PROVIDE_AID Iran -> Hamas"}},
		{"once a backer", "[Saudi Arabia|GPE], once [Lebanon|GPE]'s main [Arab|NORP] backer, cut funding.", []string{"ALLY_OF Saudi Arabia -> Lebanon"}},
		{"a loan is aid", "[European Union|ORG] leaders agreed on Thursday to lend [Ukraine|GPE] 90 billion euros.", []string{"PROVIDE_AID European Union -> Ukraine"}},
		{"a state's institution acts for it", "[Russia|GPE]'s central bank sued [Euroclear|ORG] in a [Moscow|GPE] court.", []string{"ACCUSE Russia -> Euroclear"}},
		{"mediators are not the parties", "[Saudi Arabia|GPE] and the [United States|GPE] mediated talks in [Jeddah|GPE] that collapsed.", nil},
		{"the object of a met is no subject", "[Abdel Fattah Burhan|PERSON] met [Egyptian|NORP] President [Abdel Fattah el-Sisi|PERSON] to discuss the war with the [Rapid Support Forces|ORG].",
			[]string{"MEET Abdel Fattah Burhan -> Abdel Fattah el-Sisi", "LEADER_OF Abdel Fattah el-Sisi -> Egypt", "FIGHT Abdel Fattah Burhan -> Rapid Support Forces"}},
		{"the agent of an alleged act named by a noun", "The [Rapid Support Forces|ORG] accused [Egypt|GPE] of carrying out airstrikes on [Darfur|GPE].",
			[]string{"ACCUSE Rapid Support Forces -> Egypt", "FIGHT Egypt -> Darfur [reported]"}},
		{"after a subject and its verb", "They discussed flights, months after [Washington|GPE] doubled tariffs on [Indian|NORP] goods.",
			[]string{"SANCTION United States -> Indian"}},
		{"his trip is the subject's", "[Myanmar|GPE]'s military ruler, Senior Gen. [Min Aung Hlaing|PERSON], arrived for talks with Prime Minister [Narendra Modi|PERSON], his first trip to [India|GPE] since the coup.",
			[]string{"LEADER_OF Min Aung Hlaing -> Myanmar", "MEET Min Aung Hlaing -> Narendra Modi", "VISIT Min Aung Hlaing -> India"}},
		{"her security chief", "[Mexican|NORP] President [Claudia Sheinbaum|PERSON] spoke. Her security chief, [Omar Garcia Harfuch|PERSON], said troops were sent.",
			[]string{"LEADER_OF Claudia Sheinbaum -> Mexico", "OFFICIAL_OF Omar Garcia Harfuch -> Mexico"}},
		{"the neighbors, in apposition, are the two", "[Greece|GPE] and [Turkey|GPE] held talks. The neighbors, both [NATO|ORG] members, signed a joint declaration.",
			[]string{"MEET Greece -> Turkey", "AGREE Greece -> Turkey"}},
		{"suspending visa-free travel is a sanction; the 27-nation bloc", "The [European Union|ORG] met. The 27-nation bloc would suspend visa-free travel for [Georgian|NORP] diplomats.",
			[]string{"SANCTION European Union -> Georgian [intended]"}},
		{"suspending talks is no sanction", "[Russia|GPE] suspended talks with [Ukraine|GPE] on grain.", []string{"MEET Russia -> Ukraine"}},
		{"a name in a quotation is not the speaker", "\"We are ready, but [Putin|PERSON] does not want peace,\" [Volodymyr Zelenskyy|PERSON] said. He accused the [Kremlin|ORG] of dragging out talks.",
			[]string{"ACCUSE Volodymyr Zelenskyy -> Russia"}},
		{"telling an agency is an interview", "[Dmitry Peskov|PERSON] rejected the offer, telling state news agency [Tass|ORG] that war would go on.",
			[]string{"INTERVIEW Tass -> Dmitry Peskov"}},
		{"a coordinated verb's subject is not the first verb's possessive object", "[Brazilian|NORP] President [Lula|PERSON] praised [South Africa|GPE]'s presidency and met [Chinese|NORP] Premier [Li Qiang|PERSON].",
			[]string{"LEADER_OF Lula -> Brazil", "PRAISE Lula -> South Africa", "MEET Lula -> Li Qiang", "LEADER_OF Li Qiang -> China"}},
		{"quiet without a trigger", "[Vladimir Putin|PERSON] spoke about the weather in [Moscow|GPE].", nil},
		{"quiet with one argument", "The minister visited the region again.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, rels := extractMarked(t, tt.marked)
			assert.ElementsMatch(t, tt.want, edges(doc, rels))
		})
	}
}

func TestRuleExtractorCompounds(t *testing.T) {
	m, err := entities.NewModel(entities.WithTagger(nil))
	require.NoError(t, err)
	x := relations.NewRuleExtractor(m.Gazetteer())
	tests := []struct {
		name, text string
		want       []string
	}{
		{"based", "The Tbilisi-based channel Formula TV aired the speech.", []string{"BASED_IN Formula TV -> Tbilisi"}},
		{"aligned", "The Iran-aligned Houthis fired drones.", []string{"ALLY_OF Houthis -> Iran"}},
		{"backed", "The Iran-backed Hezbollah fired rockets.", []string{"PROVIDE_AID Iran -> Hezbollah"}},
		{"a place-based body", "The London-based Syrian Observatory for Human Rights said so.",
			[]string{"BASED_IN Syrian Observatory for Human Rights -> London"}},
		{"the place-based agency is the agency named before", "The International Atomic Energy Agency spoke. Its head runs the Vienna-based agency.",
			[]string{"BASED_IN International Atomic Energy Agency -> Vienna"}},
		{"a place-based broadcaster of another country is another body", "The London-based Syrian Observatory for Human Rights spoke. The Qatar-based broadcaster was banned.",
			[]string{"BASED_IN Syrian Observatory for Human Rights -> London"}},
		{"an apposition that is based somewhere", "Russia's central bank sued Euroclear, the Brussels-based clearing house, last week.",
			[]string{"ACCUSE Russia -> Euroclear", "BASED_IN Euroclear -> Brussels"}},
		{"the X-linked group is not X", "Al-Shabaab, the al-Qaida-linked militant group, claimed the bombing. The United States carried out an airstrike against the group near Kismayo.",
			[]string{"FIGHT United States -> al-Shabab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := m.Annotate(tt.text)
			require.NoError(t, err)
			rels, err := x.Extract(doc)
			require.NoError(t, err)
			checkContract(t, doc, rels)
			assert.ElementsMatch(t, tt.want, edges(doc, rels))
		})
	}
}

func TestRuleExtractorKeepNegated(t *testing.T) {
	m, err := entities.NewModel(entities.WithTagger(nil))
	require.NoError(t, err)
	doc, err := m.AnnotateMentions("Putin did not meet Zelensky.", []entities.Mention{
		{Start: 0, End: 5, Type: entities.Person}, {Start: 19, End: 27, Type: entities.Person}})
	require.NoError(t, err)
	x := relations.NewRuleExtractor(m.Gazetteer())
	x.KeepNegated = true
	rels, err := x.Extract(doc)
	require.NoError(t, err)
	assert.Equal(t, []string{"MEET Putin -> Zelensky [negated]"}, edges(doc, rels))
}

func TestRuleExtractorMergesRepeats(t *testing.T) {
	doc, rels := extractMarked(t, "[Vladimir Putin|PERSON] met [Ilham Aliyev|PERSON] in the morning. Later [Putin|PERSON] met [Aliyev|PERSON] again.")
	require.Equal(t, []string{"MEET Vladimir Putin -> Ilham Aliyev"}, edges(doc, rels))
	assert.Len(t, rels[0].Evidence, 2)
}

func TestRuleExtractorWhen(t *testing.T) {
	doc, rels := extractMarked(t, "On Wednesday, [Ilham Aliyev|PERSON] visited [Ankara|GPE].")
	require.Len(t, rels, 1)
	assert.Equal(t, "On Wednesday", rels[0].When)
	assert.Equal(t, "", rels[0].Date, "no article date, no normalised date")

	doc.Date = time.Date(2025, 10, 17, 0, 0, 0, 0, time.UTC) // a Friday
	m, err := entities.NewModel(entities.WithTagger(nil))
	require.NoError(t, err)
	rels, err = relations.NewRuleExtractor(m.Gazetteer()).Extract(doc)
	require.NoError(t, err)
	require.Len(t, rels, 1)
	assert.Equal(t, "2025-10-15", rels[0].Date)
}

func TestRuleExtractorConcurrent(t *testing.T) {
	m, err := entities.NewModel(entities.WithTagger(nil))
	require.NoError(t, err)
	x := relations.NewRuleExtractor(m.Gazetteer())
	const text = "Russian President Vladimir Putin hosted Ilham Aliyev in Moscow. Aliyev praised Russia."
	want := ""
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc, err := m.Annotate(text)
			if !assert.NoError(t, err) {
				return
			}
			rels, err := x.Extract(doc)
			if !assert.NoError(t, err) {
				return
			}
			got := strings.Join(edges(doc, rels), "\n")
			mu.Lock()
			defer mu.Unlock()
			if want == "" {
				want = got
			}
			assert.Equal(t, want, got)
		}()
	}
	wg.Wait()
	assert.NotEmpty(t, want)
}

func TestRuleExtractorEndedTies(t *testing.T) {
	for text, former := range map[string]bool{
		"[Russia|GPE] withdrew from the treaty with [Ukraine|GPE].":                       true,
		"[Russia|GPE] severed diplomatic ties with [Ukraine|GPE].":                        true,
		"[Russia|GPE] signed a treaty with [Ukraine|GPE].":                                false,
		"The last [Russian|NORP] troops withdrew from [Syria|GPE] today.":                 true,
		"[Lula|PERSON], who once counted [Nicolas Maduro|PERSON] as a close ally, spoke.": true,
		"[Saudi Arabia|GPE], once [Lebanon|GPE]'s main backer, spoke.":                    true,
		"The [United States|GPE] cut aid to [Niger|GPE].":                                 true,
		"[Washington|GPE] lifted sanctions on [Syria|GPE].":                               true,
	} {
		doc, rels := extractMarked(t, text)
		require.Len(t, rels, 1, "%s: %v", text, edges(doc, rels))
		assert.Equal(t, former, rels[0].Former, text)
	}
}

// TestRuleExtractorFormerBeforeNationality is issue 16's time-aware
// roles: "former" may stand before the nationality rather than the title,
// and the office is then a past one all the same.
func TestRuleExtractorFormerBeforeNationality(t *testing.T) {
	for text, former := range map[string]bool{
		"Former [Chilean|NORP] President [Ramon Aguilar|PERSON] spoke on Tuesday.": true,
		"The [Chilean|NORP] President [Ramon Aguilar|PERSON] spoke on Tuesday.":    false,
		"[Chile|GPE]'s former President [Ramon Aguilar|PERSON] spoke on Tuesday.":  true,
	} {
		doc, rels := extractMarked(t, text)
		require.Len(t, rels, 1, "%s: %v", text, edges(doc, rels))
		assert.Equal(t, relations.LeaderOf, rels[0].Type, text)
		assert.Equal(t, former, rels[0].Former, text)
	}
}
