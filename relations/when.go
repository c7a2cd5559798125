package relations

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// NormalizeWhen turns a time expression as a news article writes it into
// a date, given the article's own date (anchor): "on Wednesday" is the
// last Wednesday on or before the anchor ("2025-10-15"), "in July" the
// last July up to it ("2025-07"), "last year" the year before ("2024"),
// "March 17, 2023" that day. News reports the past, so a bare weekday or
// month is read backwards; "next" reads forwards. It returns "" for an
// expression it cannot place (or a zero anchor, except for a full date).
func NormalizeWhen(expr string, anchor time.Time) string {
	e := strings.ToLower(strings.TrimSpace(expr))
	if e == "" {
		return ""
	}
	if m := fullDateRE.FindStringSubmatch(e); m != nil {
		mon := months[m[1][:3]]
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if mon > 0 && d >= 1 && d <= 31 {
			return time.Date(y, mon, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}
	}
	if m := yearRE.FindStringSubmatch(e); m != nil && monthIn(e) == 0 && weekdayIn(e) < 0 {
		return m[1] // "in 2023"
	}
	if anchor.IsZero() {
		return ""
	}
	a := time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
	// "this" names the anchor's own year, month or week, whatever comes
	// before it: "later this year" and "earlier this month" stay in it.
	this := strings.Contains(e, "this")
	next := !this && (strings.Contains(e, "next") || strings.Contains(e, "upcoming"))
	last := !this && strings.Contains(e, "last")
	switch {
	case e == "today" || e == "tonight":
		return a.Format(time.DateOnly)
	case e == "yesterday":
		return a.AddDate(0, 0, -1).Format(time.DateOnly)
	case strings.HasSuffix(e, "year"):
		switch {
		case next:
			return strconv.Itoa(a.Year() + 1)
		case last:
			return strconv.Itoa(a.Year() - 1)
		case this:
			return strconv.Itoa(a.Year())
		}
		return ""
	case strings.HasSuffix(e, "month"):
		switch {
		case next:
			return a.AddDate(0, 1, 1-a.Day()).Format("2006-01")
		case last:
			return a.AddDate(0, -1, 1-a.Day()).Format("2006-01")
		case this:
			return a.Format("2006-01")
		}
		return ""
	}
	if wd := weekdayIn(e); wd >= 0 {
		d := int(a.Weekday()) - wd
		if next {
			d = -((wd-int(a.Weekday())+6)%7 + 1)
		} else if d < 0 {
			d += 7
		}
		return a.AddDate(0, 0, -d).Format(time.DateOnly)
	}
	if mon := monthIn(e); mon > 0 {
		if m := dayRE.FindStringSubmatch(e); m != nil {
			d, _ := strconv.Atoi(m[1])
			y := a.Year()
			if t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC); t.After(a) && !next {
				y--
			}
			return time.Date(y, mon, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}
		y := a.Year()
		if mon > a.Month() && !next {
			y--
		}
		if next && mon <= a.Month() {
			y++
		}
		if m := yearRE.FindStringSubmatch(e); m != nil {
			y, _ = strconv.Atoi(m[1])
		}
		return time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	}
	return ""
}

var (
	fullDateRE = regexp.MustCompile(`\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b`)
	yearRE     = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	dayRE      = regexp.MustCompile(`\b(\d{1,2})\b`)
	months     = map[string]time.Month{
		"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
		"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
		"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
	}
	weekdays = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
)

func monthIn(e string) time.Month {
	for _, w := range strings.FieldsFunc(e, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		if len(w) >= 3 {
			if m, ok := months[w[:3]]; ok && (len(w) == 3 || strings.HasPrefix(time.Month(m).String(), strings.ToUpper(w[:1])+w[1:])) {
				return m
			}
		}
	}
	return 0
}

func weekdayIn(e string) int {
	for i, d := range weekdays {
		if strings.Contains(e, d) {
			return i
		}
	}
	return -1
}

// ArticleDate finds an article's own date in its first lines, as news
// wires print it: "Updated : Oct 15, 2025 17:42", "March 17, 2025",
// "2025-03-17", or a dateline "BRUSSELS, March 17 (Reuters)" whose year
// comes from another date near it. It returns the zero time when there is
// none.
func ArticleDate(text string) time.Time {
	head := text
	if len(head) > 600 {
		head = head[:600]
	}
	low := strings.ToLower(head)
	if m := isoRE.FindStringSubmatch(low); m != nil {
		if t, err := time.Parse(time.DateOnly, m[0]); err == nil {
			return t
		}
	}
	if d := NormalizeWhen(fullDateRE.FindString(low), time.Time{}); d != "" {
		t, _ := time.Parse(time.DateOnly, d)
		return t
	}
	return time.Time{}
}

var isoRE = regexp.MustCompile(`\b(?:19|20)\d\d-\d\d-\d\d\b`)
