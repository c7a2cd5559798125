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
// Training tags are K-fold jackknifed predictions of the UD tagger
// (package internal/udtag), so the parser learns from tags as good as the
// ones it will see; dev is tagged by syntax/model/tagger.bin (or by a
// tagger trained on all of train when that file is absent).
//
// With -merged (the default) the training set is the treebank plus a copy
// of every sentence whose words the pipeline tokenises differently
// (conllu.MergePipelineTokens: "well-known", "40%" as one word), and dev is
// scored both as released and merged. With -pred DIR the dev predictions
// are written to DIR for ../shared/tools/ud_eval.py.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/depparse"
	"github.com/newsgraph/newsgraph/internal/udtag"
)

func main() {
	data := flag.String("data", "../shared/data/ud", "folder with train.conllu and dev.conllu")
	out := flag.String("out", "syntax/model", "output folder for parser.bin")
	clusters := flag.String("clusters", "entities/model/clusters.tsv.gz", "word cluster table of the NER tagger")
	epochs := flag.Int("epochs", 6, "training epochs per run")
	moveBits := flag.Uint("movebits", 19, "log2 of the transition weight rows")
	labelBits := flag.Uint("labelbits", 16, "log2 of the label weight rows")
	explore := flag.Float64("explore", 0.9, "probability of following a wrong prediction after epoch 1")
	seed := flag.Uint64("seed", 1, "training seed")
	runs := flag.Int("runs", 3, "independent trainings whose weights are summed")
	tagNoise := flag.Float64("tagnoise", 0, "probability of replacing a training tag by a random one")
	verbose := flag.Bool("v", false, "print dev scores after every epoch")
	merged := flag.Bool("merged", true, "also train on the pipeline-tokenised copies of the training sentences")
	tags := flag.String("tags", "jackknife", "training tags: jackknife (K-fold predictions of package udtag) or gold")
	folds := flag.Int("folds", 5, "jackknife folds")
	taggerPath := flag.String("tagger", "syntax/model/tagger.bin", "tagger for dev (trained on all of train when the file is absent)")
	jkCache := flag.String("jkcache", "", "folder caching the jackknifed training tags between runs (experiments only)")
	brill := flag.String("brill", "", "folder of the npm package brill (its tag dictionary), for the jackknife taggers as traintagger -brill")
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
	topt := udtag.TrainOptions{Seed: 1, Logf: func(format string, args ...any) {
		if *verbose || strings.Contains(format, "jackknife") {
			log.Printf(format, args...)
		}
	}}
	if topt.Clusters, err = readClusters(*clusters); err != nil {
		log.Fatal(err)
	}
	if *brill != "" {
		if topt.Lexicon, err = udtag.ReadBrill(*brill); err != nil {
			log.Fatal(err)
		}
	}
	// The parser uses the fine clusters and their level-1 grouping.
	cl := &depparse.Clusters{Words: topt.Clusters.Words}
	for _, ids := range topt.Clusters.IDs {
		cl.Fine, cl.Coarse = append(cl.Fine, ids[0]), append(cl.Coarse, ids[2])
	}
	var trainSet []*conllu.Sentence
	switch *tags {
	case "gold":
		trainSet = train
		if *merged {
			trainSet = withMerged(train)
		}
	case "jackknife":
		orig, mg, err := jackknife(train, *folds, topt, *jkCache)
		if err != nil {
			log.Fatal(err)
		}
		trainSet = orig
		if *merged {
			for i, s := range mg {
				if len(s.Words) != len(orig[i].Words) {
					trainSet = append(trainSet, s)
				}
			}
		}
	default:
		log.Fatalf("-tags %q: want jackknife or gold", *tags)
	}
	tagger, err := devTagger(*taggerPath, train, topt)
	if err != nil {
		log.Fatal(err)
	}
	devMerged := make([]*conllu.Sentence, len(dev))
	for i, s := range dev {
		devMerged[i] = conllu.MergePipelineTokens(s)
	}
	devTagged, devMergedTagged := retag(tagger, dev), retag(tagger, devMerged)

	opt := depparse.TrainOptions{Epochs: *epochs, MoveBits: *moveBits, LabelBits: *labelBits,
		Explore: *explore, Seed: *seed, Runs: *runs, TagNoise: *tagNoise, Clusters: cl}
	if *verbose {
		opt.Epoch = func(ep int, m *depparse.Model) {
			g, p := m.Evaluate(dev), m.Evaluate(devTagged)
			log.Printf("epoch %d: dev UAS %.2f LAS %.2f (gold tags), UAS %.2f LAS %.2f (udtag tags)", ep, g.UAS(), g.LAS(), p.UAS(), p.LAS())
		}
	}
	start := time.Now()
	m, err := depparse.Train(trainSet, opt)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("trained on %d sentences in %s", len(trainSet), time.Since(start).Round(time.Second))
	for _, d := range []struct {
		name        string
		gold, input []*conllu.Sentence
	}{
		{"dev.goldtags", dev, dev},
		{"dev", dev, devTagged},
		{"dev.merged", devMerged, devMergedTagged},
	} {
		s := m.Evaluate(d.input)
		fmt.Printf("%-13s UAS %.2f LAS %.2f (%d words)\n", d.name, s.UAS(), s.LAS(), s.Words)
		if *predDir != "" {
			if err := writePred(*predDir, d.name, m, d.gold, d.input); err != nil {
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

// jackknife returns the training sentences with K-fold jackknifed UPOS and
// XPOS, as released and in the pipeline's tokenisation, read from or
// written to cache when it is set.
func jackknife(train []*conllu.Sentence, k int, opt udtag.TrainOptions, cache string) (orig, merged []*conllu.Sentence, err error) {
	po := filepath.Join(cache, fmt.Sprintf("train.jk%d.conllu", k))
	pm := filepath.Join(cache, fmt.Sprintf("train.jk%d.merged.conllu", k))
	if cache != "" {
		orig, err1 := conllu.ReadFile(po)
		merged, err2 := conllu.ReadFile(pm)
		if err1 == nil && err2 == nil && len(orig) == len(train) && len(merged) == len(train) {
			log.Printf("jackknifed tags read from %s", cache)
			return orig, merged, nil
		}
	}
	start := time.Now()
	orig, merged, err = udtag.Jackknife(train, k, opt)
	if err != nil {
		return nil, nil, err
	}
	log.Printf("jackknifed tags (%d folds) in %s", k, time.Since(start).Round(time.Second))
	if cache != "" {
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return nil, nil, err
		}
		if err := writeAll(po, orig); err != nil {
			return nil, nil, err
		}
		if err := writeAll(pm, merged); err != nil {
			return nil, nil, err
		}
	}
	return orig, merged, nil
}

// devTagger loads the tagger at path, or trains one on train when there is
// no such file.
func devTagger(path string, train []*conllu.Sentence, opt udtag.TrainOptions) (*udtag.Model, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		log.Printf("no %s: training the dev tagger on all of train", path)
		return udtag.Train(train, opt)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	log.Printf("dev tagger: %s", path)
	return udtag.Load(f)
}

// retag returns copies of sents with UPOS and XPOS from the tagger.
func retag(m *udtag.Model, sents []*conllu.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(sents))
	for i, s := range sents {
		c := &conllu.Sentence{Lines: s.Lines, Words: slices.Clone(s.Words)}
		up, xp := m.Tag(s.Forms())
		for j := range c.Words {
			c.Words[j].UPOS, c.Words[j].XPOS = up[j], xp[j]
		}
		out[i] = c
	}
	return out
}

func writeAll(path string, sents []*conllu.Sentence) error {
	var b bytes.Buffer
	for _, s := range sents {
		if err := conllu.Write(&b, s); err != nil {
			return err
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
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

// writePred writes DIR/NAME.gold.conllu (gold) and DIR/NAME.pred.conllu
// (input with HEAD and DEPREL from the parser).
func writePred(dir, name string, m *depparse.Model, gold, input []*conllu.Sentence) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	pred := make([]*conllu.Sentence, len(input))
	for i, s := range input {
		p := &conllu.Sentence{Lines: s.Lines, Words: slices.Clone(s.Words)}
		upos, xpos := make([]string, len(p.Words)), make([]string, len(p.Words))
		for j, w := range p.Words {
			upos[j], xpos[j] = w.UPOS, w.XPOS
		}
		heads, labels := m.Parse(p.Forms(), upos, xpos)
		for j := range p.Words {
			p.Words[j].Head, p.Words[j].Deprel = heads[j], labels[j]
		}
		pred[i] = p
	}
	if err := writeAll(filepath.Join(dir, name+".gold.conllu"), gold); err != nil {
		return err
	}
	return writeAll(filepath.Join(dir, name+".pred.conllu"), pred)
}

func readClusters(path string) (*udtag.Clusters, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return udtag.ReadClusters(f)
}
