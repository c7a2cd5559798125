package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// errInterrupted is what a command reports when Ctrl-C (SIGINT) or
// SIGTERM stopped it; its exit status is exitInterrupted.
var errInterrupted = errors.New("interrupted")

// exitInterrupted is the exit status of an interrupted run, 128+SIGINT as
// shells report it.
const exitInterrupted = 130

// interrupted turns a cancelled context's error into errInterrupted, and
// leaves other errors as they are.
func interrupted(err error) error {
	if errors.Is(err, context.Canceled) {
		return errInterrupted
	}
	return err
}

// lockedWriter serialises writes to w, so that the forced exit of a second
// Ctrl-C (handleSignals) waits for the line being written: what was
// written stays whole lines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// handleSignals reads sig: the first signal calls cancel, so that the
// command stops the work in hand and exits by itself; a second one quits
// at once with exitInterrupted, after the write in progress on out (if
// any) and after removing the temporary files of unfinished outputs.
// It returns when sig is closed.
func handleSignals(sig <-chan os.Signal, cancel func(), out *lockedWriter, stderr io.Writer, exit func(int)) {
	if _, ok := <-sig; !ok {
		return
	}
	cancel()
	fmt.Fprintln(stderr, "newsgraph: interrupted; stopping (Ctrl-C again to quit at once)")
	if _, ok := <-sig; !ok {
		return
	}
	out.mu.Lock()
	removeTempFiles()
	fmt.Fprintln(stderr, "newsgraph: interrupted again; quitting")
	exit(exitInterrupted)
}

// tempFiles are the temporary files of outputs not yet renamed into place.
var tempFiles sync.Map // name → struct{}

// removeTempFiles removes the temporary files of unfinished outputs.
func removeTempFiles() {
	tempFiles.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		return true
	})
}

// pendingFile is an output file being written: a temporary file in the
// same directory, renamed over the target only when it is complete, so
// that a failed or interrupted run leaves the old file as it was.
type pendingFile struct {
	target string
	f      *os.File
	bw     *bufio.Writer
}

// createPending starts writing the file name: it creates a temporary
// file beside it.
func createPending(name string) (*pendingFile, error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return nil, err
	}
	tempFiles.Store(f.Name(), struct{}{})
	return &pendingFile{target: name, f: f, bw: bufio.NewWriterSize(f, 1<<16)}, nil
}

// Write writes to the temporary file.
func (p *pendingFile) Write(b []byte) (int, error) { return p.bw.Write(b) }

// finish flushes, syncs and closes the temporary file; it gets the
// target's mode (0644 for a new file). The file is not in place yet:
// commit renames it.
func (p *pendingFile) finish() error {
	err := p.bw.Flush()
	if err == nil {
		err = p.f.Sync()
	}
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	mode := os.FileMode(0o644)
	if fi, serr := os.Stat(p.target); serr == nil {
		mode = fi.Mode().Perm()
	}
	if err == nil {
		err = os.Chmod(p.f.Name(), mode)
	}
	return err
}

// commit renames the finished temporary file over the target.
func (p *pendingFile) commit() error {
	err := os.Rename(p.f.Name(), p.target)
	if err == nil {
		tempFiles.Delete(p.f.Name())
	}
	return err
}

// discard closes and removes the temporary file, leaving the target as
// it was.
func (p *pendingFile) discard() {
	p.f.Close()
	os.Remove(p.f.Name())
	tempFiles.Delete(p.f.Name())
}

// writeFilesAtomically writes each of the files names with the matching
// write function, all to temporary files first: only when every one is
// written and synced are they renamed into place, so an error leaves all
// the old files untouched.
func writeFilesAtomically(names []string, writes []func(io.Writer) error) (err error) {
	var ps []*pendingFile
	defer func() {
		if err != nil {
			for _, p := range ps {
				p.discard()
			}
		}
	}()
	for i, name := range names {
		p, err := createPending(name)
		if err != nil {
			return err
		}
		ps = append(ps, p)
		if err := writes[i](p); err != nil {
			return err
		}
		if err := p.finish(); err != nil {
			return err
		}
	}
	for _, p := range ps {
		if err := p.commit(); err != nil {
			return err
		}
	}
	return nil
}
