package relations_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/relations"
)

func TestNormalizeWhen(t *testing.T) {
	wed := time.Date(2025, 10, 15, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		expr   string
		anchor time.Time
		want   string
	}{
		{"On Wednesday", wed, "2025-10-15"},
		{"on Monday", wed, "2025-10-13"},
		{"on Thursday", wed, "2025-10-09"},
		{"next Monday", wed, "2025-10-20"},
		{"in July", wed, "2025-07"},
		{"in November", wed, "2024-11"},
		{"next month", wed, "2025-11"},
		{"last month", wed, "2025-09"},
		{"last year", wed, "2024"},
		{"this year", wed, "2025"},
		{"next year", wed, "2026"},
		{"later this year", time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC), "2023"},
		{"earlier this year", time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC), "2023"},
		{"earlier this month", time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC), "2023-03"},
		{"later this month", time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC), "2023-03"},
		{"this month", wed, "2025-10"},
		{"Later This Year", wed, "2025"},
		{"yesterday", wed, "2025-10-14"},
		{"March 17", wed, "2025-03-17"},
		{"in 2023", wed, "2023"},
		{"March 17, 2023", time.Time{}, "2023-03-17"},
		{"on Wednesday", time.Time{}, ""},
		{"last week", wed, ""},
		{"", wed, ""},
		{"the mayor said", wed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			assert.Equal(t, tt.want, relations.NormalizeWhen(tt.expr, tt.anchor))
		})
	}
}

// "Earlier this month" and "later this year" stay in the article's own
// month and year when a relation carries them (issue 13, item 10).
func TestRuleExtractorWhenThisPeriod(t *testing.T) {
	m, err := entities.NewModel(entities.WithTagger(nil))
	require.NoError(t, err)
	x := relations.NewRuleExtractor(m.Gazetteer())
	anchor := time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, when, date string
	}{
		{"Earlier this month, Lena Brandt visited Oslo.", "Earlier this month", "2023-03"},
		{"Lena Brandt will visit Oslo later this year.", "later this year", "2023"},
		{"Lena Brandt visited Oslo last month.", "last month", "2023-02"},
		{"Lena Brandt will visit Oslo next year.", "next year", "2024"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			start := strings.Index(tt.text, "Lena Brandt")
			oslo := strings.Index(tt.text, "Oslo")
			doc, err := m.AnnotateMentions(tt.text, []entities.Mention{
				{Start: start, End: start + len("Lena Brandt"), Type: entities.Person},
				{Start: oslo, End: oslo + len("Oslo"), Type: entities.GPE, Country: "NO"},
			})
			require.NoError(t, err)
			doc.Date = anchor
			rels, err := x.Extract(doc)
			require.NoError(t, err)
			require.Len(t, rels, 1, "one VISIT")
			assert.Equal(t, relations.Visit, rels[0].Type)
			assert.Equal(t, tt.when, rels[0].When)
			assert.Equal(t, tt.date, rels[0].Date)
		})
	}
}

func TestArticleDate(t *testing.T) {
	tests := []struct {
		name, text string
		want       string
	}{
		{"updated line", "Headline\n\nUpdated : Oct 15, 2025 17:42\n|\nMoscow, Oct 15 (AP) – On Wednesday...", "2025-10-15"},
		{"iso", "2024-02-10 RIYADH (Reuters) - ...", "2024-02-10"},
		{"dateline without a year", "BRUSSELS, March 17 (Reuters) - ...", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := relations.ArticleDate(tt.text)
			if tt.want == "" {
				assert.True(t, got.IsZero())
				return
			}
			assert.Equal(t, tt.want, got.Format(time.DateOnly))
		})
	}
}
