//go:build race

package events_test

// raceEnabled is true when the tests run under the race detector.
const raceEnabled = true
