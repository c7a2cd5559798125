//go:build race

package newsgraph_test

// raceEnabled reports whether the tests run under the race detector
// (go test -race), which makes every memory access some ten times slower.
const raceEnabled = true
