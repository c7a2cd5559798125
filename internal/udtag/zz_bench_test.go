package udtag

import (
	"io"
	"os"
	"runtime"
	"syscall"
	"testing"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

func BenchmarkZZTag(b *testing.B) {
	f, _ := os.Open("/tmp/tg/tagger.bin")
	m, err := Load(f)
	if err != nil {
		b.Fatal(err)
	}
	dev, _ := conllu.ReadFile("../../../shared/data/ud/dev.conllu")
	var sents [][]string
	n := 0
	for _, s := range dev {
		sents = append(sents, s.Forms())
		n += len(s.Words)
	}
	var r0, r1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_THREAD, &r0)
	runtime.LockOSThread()
	syscall.Getrusage(syscall.RUSAGE_THREAD, &r0)
	for b.Loop() {
		for _, s := range sents {
			m.Tag(s)
		}
	}
	syscall.Getrusage(syscall.RUSAGE_THREAD, &r1)
	cpu := float64(r1.Utime.Nano()+r1.Stime.Nano()-r0.Utime.Nano()-r0.Stime.Nano()) / 1e9
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n*b.N)/cpu, "tokens/cpu-s")
}

func BenchmarkZZLoad(b *testing.B) {
	data, _ := os.ReadFile("/tmp/tg/tagger.bin")
	var r0, r1 syscall.Rusage
	runtime.LockOSThread()
	syscall.Getrusage(syscall.RUSAGE_THREAD, &r0)
	for b.Loop() {
		if _, err := Load(bytesReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	syscall.Getrusage(syscall.RUSAGE_THREAD, &r1)
	cpu := float64(r1.Utime.Nano()+r1.Stime.Nano()-r0.Utime.Nano()-r0.Stime.Nano()) / 1e9
	b.ReportMetric(cpu*1000/float64(b.N), "cpu-ms/op")
}

func bytesReader(b []byte) *bytesR { return &bytesR{b: b} }

type bytesR struct{ b []byte }

func (r *bytesR) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}
