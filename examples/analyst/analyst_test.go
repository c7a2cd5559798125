package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// analyst.sh runs under "set -o pipefail": a command piped into a reader
// that may exit before the end (head, sed 5q, grep -m) is killed by
// SIGPIPE whenever the reader exits first, which failed the script about
// half the time (issue 13, item 11). Its output must go to a file first.
func TestAnalystScriptHasNoEarlyExitingPipe(t *testing.T) {
	b, err := os.ReadFile("analyst.sh")
	require.NoError(t, err)
	script := string(b)
	require.Contains(t, script, "pipefail", "the check matters only under pipefail")
	early := regexp.MustCompile(`\|\s*(head|sed\s+(-n\s+)?['"]?\d+q|grep\s+(-\w+\s+)*-m|awk\s+.*exit)\b`)
	for i, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		assert.False(t, early.MatchString(line), "analyst.sh:%d pipes into a reader that may exit first: %s", i+1, line)
	}
}
