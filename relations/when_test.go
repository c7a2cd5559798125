package relations_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

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
