package depparse

// Weights are quantised to small integers and stored four to a uint64 as
// offset-binary 16-bit lanes, so that one 64-bit addition adds four
// classes' weights. A lane holds weight+limit, in 0..2*limit. The feature
// rows are summed into moveAccs (labelAccs) separate accumulators, and the
// limits are chosen so that no accumulator leaves 16 bits: lanes never carry
// into each other. Adding the same offset to every class does not change
// which class scores highest.
const (
	moveAccs   = 4
	moveLimit  = 1100
	labelAccs  = 2
	labelLimit = 1700
)

// Compile-time checks that an accumulator cannot overflow a lane.
var (
	_ = [1]struct{}{}[((numMoveFeats+moveAccs-1)/moveAccs)*(2*moveLimit+1)>>16]
	_ = [1]struct{}{}[((numLabelFeats+labelAccs-1)/labelAccs)*(2*labelLimit+1)>>16]
)

// lanes is the number of uint64 words of a packed row of width classes.
func lanes(width int) int { return (width + 3) / 4 }

// pack packs rows of width int16 weights, each within ±limit.
func pack(w []int16, width int, limit int16) []uint64 {
	rows, nw := len(w)/width, lanes(width)
	out := make([]uint64, rows*nw)
	for r := range rows {
		row := w[r*width : (r+1)*width]
		dst := out[r*nw : (r+1)*nw]
		for j := range nw * 4 {
			v := uint64(limit)
			if j < width {
				v = uint64(row[j] + limit)
			}
			dst[j/4] |= v << (16 * (j % 4))
		}
	}
	return out
}

// unpack is the inverse of pack.
func unpack(p []uint64, width int, limit int16) []int16 {
	nw := lanes(width)
	rows := len(p) / nw
	out := make([]int16, rows*width)
	for r := range rows {
		for j := range width {
			out[r*width+j] = int16(uint16(p[r*nw+j/4]>>(16*(j%4)))) - limit
		}
	}
	return out
}
