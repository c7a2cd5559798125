package entities

// defaultTagger returns the embedded trained tagger.
func defaultTagger() (SequenceTagger, error) {
	t, err := DefaultNERTagger()
	if err != nil {
		return nil, err
	}
	return t, nil
}
