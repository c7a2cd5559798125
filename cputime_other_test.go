//go:build !unix

package newsgraph_test

// cpuSeconds is not measured on this platform; rates per CPU second are
// then not reported.
func cpuSeconds() float64 { return 0 }
