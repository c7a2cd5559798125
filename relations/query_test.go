package relations

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func nodeNames(ns []*Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return out
}

func TestFind(t *testing.T) {
	g := corpusGraph(t)
	tests := []struct {
		name, query string
		want        []string
	}{
		{"exact name, any case", "vladimir  PUTIN", []string{"Vladimir Putin"}},
		{"alias", "Putin", []string{"Vladimir Putin"}},
		{"word of a name", "Sharaa", nil},
		{"words of a name", "al-Sharaa", []string{"Ahmad al-Sharaa"}},
		{"entity ID", "e2", []string{"Ahmad al-Sharaa"}},
		{"unknown", "Erdogan", nil},
		{"empty", " ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, nodeNames(g.Find(tt.query)))
		})
	}
}

func TestIncidentAndPath(t *testing.T) {
	g := corpusGraph(t)
	one := func(name string) *Node {
		ns := g.Find(name)
		require.NotEmpty(t, ns, name)
		return ns[0]
	}
	putin := one("Vladimir Putin")
	var types []string
	for _, e := range g.Incident(putin) {
		types = append(types, e.Type.String())
	}
	assert.Equal(t, []string{"HOST", "LEADER_OF", "THREATEN"}, types)

	// Against the direction of the relations: Putin threatened Rutte and
	// hosted al-Sharaa, whom Peskov praised. (Rutte–Moscow–Kremlin–Peskov
	// is as short; the tie is broken the same way every time.)
	p := g.ShortestPath(one("Mark Rutte"), one("Dmitry Peskov"))
	assert.Equal(t, []string{"Mark Rutte", "Vladimir Putin", "Ahmad al-Sharaa", "Dmitry Peskov"}, nodeNames(p))
	for range 20 {
		assert.Equal(t, p, g.ShortestPath(one("Mark Rutte"), one("Dmitry Peskov")))
	}
	for i := 1; i < len(p); i++ {
		assert.NotEmpty(t, g.Between(p[i-1], p[i]))
	}
	assert.Equal(t, []string{"Syria"}, nodeNames(g.ShortestPath(one("Syria"), one("Syria"))))
	assert.Nil(t, g.ShortestPath(putin, one("Syria's \"Energy\" deal")))
	assert.Nil(t, g.ShortestPath(putin, nil))
}

func TestTop(t *testing.T) {
	g := corpusGraph(t)
	deg := g.TopByDegree(2)
	require.Len(t, deg, 2)
	assert.Equal(t, "Vladimir Putin", deg[0].Node.Name, "ties in ID order")
	assert.Equal(t, 3.0, deg[0].Value)
	assert.Equal(t, "Ahmad al-Sharaa", deg[1].Node.Name)
	assert.Equal(t, 3.0, deg[1].Value)

	pr := g.TopByPageRank(0)
	require.Len(t, pr, len(g.Entities()))
	sum := 0.0
	for i, s := range pr {
		sum += s.Value
		if i > 0 {
			assert.GreaterOrEqual(t, pr[i-1].Value, s.Value)
		}
	}
	assert.InDelta(t, 1, sum, 1e-6)
	assert.Equal(t, pr, g.TopByPageRank(0), "deterministic")
	assert.Nil(t, NewGraph().TopByPageRank(5))
}

func TestCounts(t *testing.T) {
	g := corpusGraph(t)
	byType := g.CountByType()
	require.NotEmpty(t, byType)
	assert.Equal(t, Count{Key: "LEADER_OF", Relations: 3, Articles: 2, Mentions: 3, Neutral: 3}, byType[0])
	assert.Contains(t, byType, Count{Key: "HOST", Relations: 1, Articles: 2, Mentions: 2, Cooperative: 1})

	pairs := g.StateView().CountByCountryPair()
	assert.Equal(t, []Count{
		{Key: "RU→SY", Relations: 2, Articles: 2, Mentions: 3, Cooperative: 2},
		{Key: "RU↔SY", Relations: 1, Articles: 1, Mentions: 1, Cooperative: 1},
	}, pairs)
}
