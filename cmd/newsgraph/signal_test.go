package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets a test run this test binary as the newsgraph command:
// with NEWSGRAPH_RUN_MAIN=1 in its environment it runs main.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSGRAPH_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// command returns the newsgraph command as a subprocess (this test binary
// running main).
func command(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "NEWSGRAPH_RUN_MAIN=1")
	return cmd
}

// Ctrl-C while extract reads a pipe whose writer stays open: the command
// exits (it used to block until the writer closed), with status 130, and
// what it wrote is whole lines, one per article done (issue 13, item 4).
func TestInterruptWhileReadingPipe(t *testing.T) {
	cmd := command(t, "extract", "--input", "jsonl", "--format", "jsonl", "-j", "2", "-")
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)

	for i := range 3 {
		b, _ := json.Marshal(map[string]string{"id": "p" + string(rune('0'+i)), "text": article})
		_, err := stdin.Write(append(b, '\n'))
		require.NoError(t, err)
	}
	// Read the three result lines, then interrupt with the pipe still open.
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		exited <- cmd.Wait()
	}()
	deadline := time.After(2 * time.Minute) // generous: only a hang fails
	var got []string
	for len(got) < 3 {
		select {
		case l := <-lines:
			got = append(got, l)
		case <-deadline:
			t.Fatalf("no output for three articles; stderr: %s", stderr.String())
		}
	}
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	for done := false; !done; {
		select {
		case l, ok := <-lines:
			if !ok {
				done = true
				break
			}
			got = append(got, l)
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("extract did not exit after Ctrl-C while its input pipe stayed open")
		}
	}
	err = <-exited
	var ee *exec.ExitError
	require.True(t, errors.As(err, &ee), "exit error, got %v", err)
	assert.Equal(t, exitInterrupted, ee.ExitCode(), stderr.String())
	assert.Contains(t, stderr.String(), "interrupted")
	require.Len(t, got, 3)
	for _, l := range got {
		var o struct{ ID, Error string }
		require.NoError(t, json.Unmarshal([]byte(l), &o), "a whole line: %s", l)
		assert.Empty(t, o.Error)
	}
}

// The first signal cancels the run; a second quits at once with status
// 130, after the write in progress and removing unfinished outputs.
func TestHandleSignals(t *testing.T) {
	sig := make(chan os.Signal, 2)
	ctx, cancel := context.WithCancel(context.Background())
	out := &lockedWriter{w: io.Discard}
	var stderr bytes.Buffer
	exitCode := make(chan int, 1)
	finished := make(chan struct{})
	go func() {
		handleSignals(sig, cancel, out, &stderr, func(code int) { exitCode <- code })
		close(finished)
	}()

	p, err := createPending(filepath.Join(t.TempDir(), "g.json"))
	require.NoError(t, err)
	sig <- os.Interrupt
	<-ctx.Done()
	select {
	case <-exitCode:
		t.Fatal("the first Ctrl-C must let the command stop by itself")
	default:
	}
	sig <- syscall.SIGTERM
	assert.Equal(t, exitInterrupted, <-exitCode)
	<-finished
	_, err = os.Stat(p.f.Name())
	assert.True(t, os.IsNotExist(err), "the temporary file is removed")
	assert.Contains(t, stderr.String(), "Ctrl-C again")
	assert.False(t, out.mu.TryLock(), "output stays locked: no half line after the exit")
	p.f.Close()
}

// graph --out never leaves a damaged or emptied file: a missing input
// keeps the old graph as it was, and a failed write keeps the old files
// (issue 13, item 5).
func TestGraphOutAtomic(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "g.json")
	const old = `{"entities": [], "relations": [], "docs": ["earlier"]}` + "\n"
	require.NoError(t, os.WriteFile(saved, []byte(old), 0o640))

	code, _, errs := runCLI(t, "", "graph", "--out", saved, filepath.Join(dir, "nosuch.txt"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "nothing written")
	b, err := os.ReadFile(saved)
	require.NoError(t, err)
	assert.Equal(t, old, string(b), "the old graph is untouched")

	csvDir := filepath.Join(dir, "csv")
	require.NoError(t, os.MkdirAll(csvDir, 0o755))
	code, _, errs = runCLI(t, "", "graph", "--format", "csv", "--out", csvDir, filepath.Join(dir, "nosuch.txt"))
	assert.Equal(t, 1, code, errs)
	entries, err := os.ReadDir(csvDir)
	require.NoError(t, err)
	assert.Empty(t, entries, "no output file when every input failed")

	// A write that fails half way (disk full) leaves both old files and
	// no temporary file.
	nodes, edges := filepath.Join(csvDir, "nodes.csv"), filepath.Join(csvDir, "edges.csv")
	require.NoError(t, os.WriteFile(nodes, []byte("old nodes\n"), 0o644))
	require.NoError(t, os.WriteFile(edges, []byte("old edges\n"), 0o644))
	err = writeFilesAtomically([]string{nodes, edges}, []func(io.Writer) error{
		func(w io.Writer) error { _, err := io.WriteString(w, "new nodes\n"); return err },
		func(w io.Writer) error {
			io.WriteString(w, strings.Repeat("x", 100_000))
			return errors.New("no space left on device")
		},
	})
	require.Error(t, err)
	for name, want := range map[string]string{nodes: "old nodes\n", edges: "old edges\n"} {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
	entries, err = os.ReadDir(csvDir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file left behind")

	// A good run replaces the file whole and keeps its mode.
	good := writeFile(t, dir, "a.txt", article)
	code, _, errs = runCLI(t, "", "graph", "--out", saved, good)
	require.Equal(t, 0, code, errs)
	b, err = os.ReadFile(saved)
	require.NoError(t, err)
	assert.Contains(t, string(b), "Vladimir Putin")
	fi, err := os.Stat(saved)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), fi.Mode().Perm())
}

// A run cancelled before or while the models load stops without waiting
// for them and writes nothing; exit status 130.
func TestInterruptedBeforeWork(t *testing.T) {
	p := writeFile(t, t.TempDir(), "a.txt", article)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, format := range []string{"json", "jsonl"} {
		var out, errb bytes.Buffer
		code := runContext(ctx, []string{"extract", "--format", format, p, p}, strings.NewReader(""), &out, &errb)
		assert.Equal(t, exitInterrupted, code, errb.String())
		assert.Empty(t, out.String())
		assert.Contains(t, errb.String(), "newsgraph extract: interrupted")
		assert.NotContains(t, errb.String(), "failed", "interrupted articles are not failures")
	}
}
