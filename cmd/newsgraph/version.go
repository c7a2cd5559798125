package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/syntax"
)

// writeVersion prints what this build is: the module's version (from the
// build information: a tag or pseudo-version when installed with
// go install …@version, "(devel)" for a build from a clone, with the
// VCS revision when it was recorded), the Go version, the versions of the
// modules whose models are used (prose's part-of-speech weights), and the
// size and SHA-256 of every embedded model and gazetteer file.
func writeVersion(w io.Writer) {
	version, revision, modified := "(unknown)", "", ""
	var deps []*debug.Module
	if bi, ok := debug.ReadBuildInfo(); ok {
		version = bi.Main.Version
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = ", modified"
				}
			}
		}
		deps = bi.Deps
	}
	fmt.Fprintf(w, "newsgraph %s", version)
	if revision != "" {
		fmt.Fprintf(w, " (%s%s)", revision, modified)
	}
	fmt.Fprintf(w, "\n%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	for _, d := range deps {
		if d.Path == "github.com/jdkato/prose/v2" {
			fmt.Fprintf(w, "part-of-speech model: %s %s\n", d.Path, d.Version)
		}
	}
	fmt.Fprintln(w, "embedded data:")
	for _, f := range append(entities.Embedded(), syntax.Embedded()...) {
		fmt.Fprintf(w, "  %-34s %9d bytes  sha256 %s\n", f.Name, f.Bytes, f.SHA256[:16])
	}
}
