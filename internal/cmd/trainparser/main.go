// Command trainparser trains the dependency parser of package syntax on
// Universal Dependencies data and writes its weights:
//
//	go run ./internal/cmd/trainparser -data ../shared/data/ud -out syntax/model
//
// It reads DATA/train.conllu and DATA/dev.conllu, the word clusters of the
// NER tagger (entities/model/clusters.tsv.gz), trains an arc-hybrid parser
// (package internal/depparse), prints dev UAS and LAS and writes
// OUT/parser.bin. The same input and flags give the same bytes.
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/depparse"
)

func main() {
	data := flag.String("data", "../shared/data/ud", "folder with train.conllu and dev.conllu")
	out := flag.String("out", "syntax/model", "output folder for parser.bin")
	clusters := flag.String("clusters", "entities/model/clusters.tsv.gz", "word cluster table of the NER tagger")
	epochs := flag.Int("epochs", 15, "training epochs")
	moveBits := flag.Uint("movebits", 20, "log2 of the transition weight rows")
	labelBits := flag.Uint("labelbits", 17, "log2 of the label weight rows")
	explore := flag.Float64("explore", 0.9, "probability of following a wrong prediction after epoch 1")
	seed := flag.Uint64("seed", 1, "training seed")
	verbose := flag.Bool("v", false, "print dev scores after every epoch")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("trainparser: ")

	train, err := conllu.ReadFile(filepath.Join(*data, "train.conllu"))
	if err != nil {
		log.Fatal(err)
	}
	dev, err := conllu.ReadFile(filepath.Join(*data, "dev.conllu"))
	if err != nil {
		log.Fatal(err)
	}
	cl, err := readClusters(*clusters)
	if err != nil {
		log.Fatal(err)
	}
	opt := depparse.TrainOptions{Epochs: *epochs, MoveBits: *moveBits, LabelBits: *labelBits,
		Explore: *explore, Seed: *seed, Clusters: cl}
	if *verbose {
		opt.Epoch = func(ep int, m *depparse.Model) {
			s := m.Evaluate(dev)
			log.Printf("epoch %d: dev UAS %.2f LAS %.2f", ep, s.UAS(), s.LAS())
		}
	}
	start := time.Now()
	m, err := depparse.Train(train, opt)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("trained on %d sentences in %s", len(train), time.Since(start).Round(time.Second))
	s := m.Evaluate(dev)
	fmt.Printf("dev (tags as in the file): UAS %.2f LAS %.2f (%d words)\n", s.UAS(), s.LAS(), s.Words)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(*out, "parser.bin")
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := m.Write(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s (%d bytes)\n", path, fi.Size())
}

func readClusters(path string) (*depparse.Clusters, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return depparse.ReadClusters(zr)
}
