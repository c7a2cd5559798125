// Command trainparser trains the dependency parser of package syntax on
// Universal Dependencies data and writes its weights:
//
//	go run ./internal/cmd/trainparser -data ../shared/data/ud -out syntax/model
//
// It reads DATA/train.conllu and DATA/dev.conllu, the word clusters of the
// NER tagger (entities/model/clusters.tsv.gz), trains an arc-hybrid parser
// (package internal/depparse), prints dev UAS and LAS and writes
// OUT/parser.bin. The same input and flags give the same bytes.
//
// With -merged (the default) the training set is the treebank plus a copy
// of every sentence whose words the pipeline tokenises differently
// (conllu.MergePipelineTokens: "well-known", "40%" as one word), and dev is
// scored both as released and merged. With -pred DIR the dev predictions
// are written to DIR for ../shared/tools/ud_eval.py.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
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
	merged := flag.Bool("merged", true, "also train on the pipeline-tokenised copies of the training sentences")
	predDir := flag.String("pred", "", "if set, write dev gold and predictions (as released and merged) to this folder")
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
	if *merged {
		train = withMerged(train)
	}
	devMerged := make([]*conllu.Sentence, len(dev))
	for i, s := range dev {
		devMerged[i] = conllu.MergePipelineTokens(s)
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
	for _, d := range []struct {
		name  string
		sents []*conllu.Sentence
	}{{"dev", dev}, {"dev.merged", devMerged}} {
		s := m.Evaluate(d.sents)
		fmt.Printf("%s (tags as in the file): UAS %.2f LAS %.2f (%d words)\n", d.name, s.UAS(), s.LAS(), s.Words)
		if *predDir != "" {
			if err := writePred(*predDir, d.name, m, d.sents); err != nil {
				log.Fatal(err)
			}
		}
	}
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

// withMerged returns sents followed by the pipeline-tokenised copies of the
// sentences that MergePipelineTokens changes.
func withMerged(sents []*conllu.Sentence) []*conllu.Sentence {
	out := slices.Clone(sents)
	for _, s := range sents {
		if ms := conllu.MergePipelineTokens(s); len(ms.Words) != len(s.Words) {
			out = append(out, ms)
		}
	}
	return out
}

// writePred writes DIR/NAME.gold.conllu and DIR/NAME.pred.conllu, the
// second with HEAD and DEPREL from the parser.
func writePred(dir, name string, m *depparse.Model, sents []*conllu.Sentence) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var gold, pred bytes.Buffer
	for _, s := range sents {
		if err := conllu.Write(&gold, s); err != nil {
			return err
		}
		p := &conllu.Sentence{Lines: s.Lines, Words: slices.Clone(s.Words)}
		upos, xpos := make([]string, len(p.Words)), make([]string, len(p.Words))
		for i, w := range p.Words {
			upos[i], xpos[i] = w.UPOS, w.XPOS
		}
		heads, labels := m.Parse(p.Forms(), upos, xpos)
		for i := range p.Words {
			p.Words[i].Head, p.Words[i].Deprel = heads[i], labels[i]
		}
		if err := conllu.Write(&pred, p); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, name+".gold.conllu"), gold.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name+".pred.conllu"), pred.Bytes(), 0o644)
}
