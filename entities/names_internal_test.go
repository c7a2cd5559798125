package entities

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestBetterName: a headline's capitals lose to the same name written
// normally, however long; otherwise more words, then more bytes, win.
func TestBetterName(t *testing.T) {
	assert.True(t, betterName("Camp Lakeside", "CAMP LAKESIDE"))
	assert.False(t, betterName("CAMP LAKESIDE ACCORD", "Camp Lakeside"))
	assert.True(t, betterName("Ingrid Halvorsen", "Halvorsen"))
	assert.True(t, betterName("NATO", ""))
	assert.False(t, betterName("NATO", "North Atlantic Treaty Organization"))
}
