// Command traintagger trains the UD part-of-speech tagger and lemmatizer
// (package internal/udtag) on a Universal Dependencies treebank, prints
// its accuracy on the dev set and writes the weights:
//
//	go run ./internal/cmd/traintagger -data ../shared/data/ud -out syntax/model \
//	    -brill /tmp/brill/node_modules/brill
//
// reads DATA/train.conllu and DATA/dev.conllu, the word clusters
// entities/model/clusters.tsv.gz and the tag dictionary of the npm
// package brill 3.1.0 (mkdir -p /tmp/brill && (cd /tmp/brill && npm
// install brill@3.1.0)), and writes OUT/tagger.bin. Training is
// deterministic: the same inputs and flags give the same bytes.
//
// With -jackknife K -jkout FILE it instead writes train.conllu with UPOS
// and XPOS replaced by K-fold jackknifed predictions (and, with -jkmerged
// FILE, the same for the sentences in the pipeline's tokenisation), for
// training a parser on realistic tags.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/udtag"
)

func main() {
	data := flag.String("data", "../shared/data/ud", "folder with train.conllu and dev.conllu")
	out := flag.String("out", "syntax/model", "folder to write tagger.bin into")
	clusters := flag.String("clusters", "entities/model/clusters.tsv.gz", "word cluster table (empty: none)")
	epochs := flag.Int("epochs", 0, "perceptron epochs (0: default)")
	runs := flag.Int("runs", 0, "shuffled runs summed (0: default)")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	noMerged := flag.Bool("nomerged", false, "do not add the sentences in the pipeline's tokenisation")
	amb := flag.Int("amb", 0, "restrict words seen this often to their classes (0: default, -1: off)")
	fixed := flag.Int("fixed", 0, "frequency of words tagged without scoring (0: default)")
	prune := flag.Int("prune", 0, "drop quantised weights below this (0: default)")
	minFeat := flag.Int("minfeat", 0, "leave out static features seen fewer times (0: default)")
	jk := flag.Int("jackknife", 0, "K: write K-fold jackknifed tags of train.conllu to -jkout instead of training")
	jkout := flag.String("jkout", "", "file for the jackknifed train.conllu")
	jkmerged := flag.String("jkmerged", "", "file for the jackknifed train.conllu in the pipeline's tokenisation")
	brill := flag.String("brill", "", "folder of the npm package brill: train with its tag dictionary (empty: none)")
	quiet := flag.Bool("q", false, "print only the dev scores")
	diag := flag.Int("diag", 0, "print the N most frequent dev confusions")
	flag.Parse()
	logf := func(f string, a ...any) { log.Printf(f, a...) }
	if *quiet {
		logf = nil
	}
	opt := udtag.TrainOptions{Epochs: *epochs, Runs: *runs, Seed: *seed, NoMerged: *noMerged,
		AmbCount: *amb, FixedCount: *fixed, Prune: *prune, MinFeatureCount: *minFeat, Logf: logf}
	if *clusters != "" {
		f, err := os.Open(*clusters)
		if err != nil {
			log.Fatal(err)
		}
		opt.Clusters, err = udtag.ReadClusters(f)
		f.Close()
		if err != nil {
			log.Fatal(err)
		}
	}
	if *brill != "" {
		var err error
		if opt.Lexicon, err = udtag.ReadBrill(*brill); err != nil {
			log.Fatal(err)
		}
	}
	train, err := conllu.ReadFile(filepath.Join(*data, "train.conllu"))
	if err != nil {
		log.Fatal(err)
	}
	if *jk > 0 {
		if *jkout == "" {
			log.Fatal("traintagger: -jackknife needs -jkout")
		}
		orig, merged, err := udtag.Jackknife(train, *jk, opt)
		if err != nil {
			log.Fatal(err)
		}
		if err := writeConllu(*jkout, orig); err != nil {
			log.Fatal(err)
		}
		if *jkmerged != "" {
			if err := writeConllu(*jkmerged, merged); err != nil {
				log.Fatal(err)
			}
		}
		return
	}
	dev, err := conllu.ReadFile(filepath.Join(*data, "dev.conllu"))
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	m, err := udtag.Train(train, opt)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("trained in %s", time.Since(start).Round(time.Millisecond))
	mdev := make([]*conllu.Sentence, len(dev))
	for i, s := range dev {
		mdev[i] = conllu.MergePipelineTokens(s)
	}
	fmt.Printf("dev:        %s\n", udtag.Evaluate(m, dev))
	fmt.Printf("dev merged: %s\n", udtag.Evaluate(m, mdev))
	if *diag > 0 {
		confusions(m, dev, *diag)
	}
	if *out == "" {
		return
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(*out, "tagger.bin")
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	if err := m.Write(bw); err != nil {
		log.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(path)
	log.Printf("wrote %s (%d bytes)", path, st.Size())
}

func writeConllu(path string, sents []*conllu.Sentence) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for _, s := range sents {
		if err := conllu.Write(bw, s); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// confusions prints the most frequent (gold, predicted) UPOS/XPOS errors
// and the accuracy on each part of dev (sent_id prefixes).
func confusions(m *udtag.Model, dev []*conllu.Sentence, n int) {
	type pair struct{ g, p string }
	count := map[pair]int{}
	part := map[string][2]int{}
	for _, s := range dev {
		id := s.Comment("sent_id")
		if len(id) > 4 {
			id = id[:4]
		}
		u, x := m.Tag(s.Forms())
		for i, w := range s.Words {
			c := part[id]
			c[1]++
			if u[i] == w.UPOS {
				c[0]++
			} else {
				count[pair{w.UPOS + "/" + w.XPOS, u[i] + "/" + x[i]}]++
			}
			part[id] = c
		}
	}
	var ps []pair
	for p := range count {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		if count[ps[i]] != count[ps[j]] {
			return count[ps[i]] > count[ps[j]]
		}
		return ps[i].g+ps[i].p < ps[j].g+ps[j].p
	})
	for i, p := range ps {
		if i >= n {
			break
		}
		fmt.Printf("%6d  %-12s -> %s\n", count[p], p.g, p.p)
	}
	var ids []string
	for id := range part {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		c := part[id]
		if c[1] > 500 {
			fmt.Printf("part %-5s UPOS %.2f over %d\n", id, 100*float64(c[0])/float64(c[1]), c[1])
		}
	}
}
