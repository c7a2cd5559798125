package htmlview

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// point is a position in SVG user units.
type point struct{ X, Y float64 }

// link is an undirected edge between two nodes of a layout, by index.
type link struct{ a, b int }

// layout places n nodes joined by links in a w×h box: the nodes with at
// least one link by forceLayout, and the nodes without any in rows along
// the bottom, in order, each followed by room for its label of text[i].
func layout(n int, links []link, radius []float64, text []string, w, h, margin float64) []point {
	linked := make([]bool, n)
	pairs := make(map[link]bool)
	var uniq []link
	for _, l := range links {
		if l.a == l.b {
			continue
		}
		linked[l.a], linked[l.b] = true, true
		k := l
		if k.a > k.b {
			k.a, k.b = k.b, k.a
		}
		if !pairs[k] {
			pairs[k] = true
			uniq = append(uniq, k)
		}
	}
	// Rows of unlinked nodes.
	const rowH = 24.0
	var loose []int
	var conn []int
	for i := range n {
		if linked[i] {
			conn = append(conn, i)
		} else {
			loose = append(loose, i)
		}
	}
	pos := make([]point, n)
	x, rows := margin, 0
	looseAt := make([]point, len(loose))
	for j, i := range loose {
		cw := 2*radius[i] + 8 + labelCharWidth*float64(utf8.RuneCountInString(text[i])) + 14
		if x > margin && x+cw > w-margin {
			x = margin
			rows++
		}
		looseAt[j] = point{x + radius[i], float64(rows)}
		x += cw
	}
	band := 0.0
	if len(loose) > 0 {
		band = float64(rows+1)*rowH + 8
	}
	top := h - band
	if len(conn) == 0 {
		top = margin
	}
	for j, i := range loose {
		pos[i] = point{looseAt[j].X, top + looseAt[j].Y*rowH + rowH/2}
	}
	if len(conn) > 0 {
		idx := make([]int, n)
		for j, i := range conn {
			idx[i] = j
		}
		sub := make([]link, len(uniq))
		for j, l := range uniq {
			sub[j] = link{idx[l.a], idx[l.b]}
		}
		r := make([]float64, len(conn))
		for j, i := range conn {
			r[j] = radius[i]
		}
		cp := forceLayout(len(conn), sub, r, w, top, margin)
		for j, i := range conn {
			pos[i] = cp[j]
		}
	}
	return pos
}

// forceLayout places n nodes joined by links in a w×h box with a
// Fruchterman–Reingold force layout and returns their centres. Nodes
// should come in order of importance: the first ones start near the
// middle. Everything is computed in a fixed order from a fixed start (a
// golden-angle spiral), with no randomness, so the same input gives the
// same positions. Repulsion is cut off beyond a few ideal distances and
// looked up in a grid, so the cost grows about linearly with n; gravity
// keeps disconnected parts together. radius gives each node's circle,
// which the final pass keeps from overlapping.
func forceLayout(n int, links []link, radius []float64, w, h, margin float64) []point {
	pos := make([]point, n)
	if n == 0 {
		return pos
	}
	if n == 1 {
		pos[0] = point{w / 2, h / 2}
		return pos
	}
	// Ideal distance in an abstract square of side 1000·sqrt(n)/sqrt(n),
	// scaled into the box at the end.
	const k = 40.0
	const golden = 2.399963229728653 // radians: 2π(2-φ)
	for i := range pos {
		r := k * 0.6 * math.Sqrt(float64(i)+0.5)
		a := float64(i) * golden
		pos[i] = point{r * math.Cos(a), r * math.Sin(a)}
	}
	iters := 300
	if n > 500 {
		iters = 150
	}
	cut := 3 * k // repulsion cut-off
	cut2 := cut * cut
	// Gravity keeps disconnected parts together; a small graph needs more
	// of it, or a stray pair drifts off and squeezes the rest when the
	// drawing is fitted to the box.
	gravity := 0.03
	if n <= 60 {
		gravity = 0.08
	}
	disp := make([]point, n)
	grid := make(map[[2]int][]int)
	cell := func(p point) [2]int {
		return [2]int{int(math.Floor(p.X / cut)), int(math.Floor(p.Y / cut))}
	}
	temp := k * math.Sqrt(float64(n)) / 2
	for it := range iters {
		clear(disp)
		clear(grid)
		for i, p := range pos {
			c := cell(p)
			grid[c] = append(grid[c], i)
		}
		for i, p := range pos {
			c := cell(p)
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					for _, j := range grid[[2]int{c[0] + dx, c[1] + dy}] {
						if j == i {
							continue
						}
						d := point{p.X - pos[j].X, p.Y - pos[j].Y}
						d2 := d.X*d.X + d.Y*d.Y
						if d2 > cut2 {
							continue
						}
						dist := math.Sqrt(d2)
						if dist < 0.01 {
							// Coincident nodes: push apart along a
							// direction fixed by their indices.
							a := float64(i*7+j*13) * golden
							d, dist = point{math.Cos(a), math.Sin(a)}, 0.01
						}
						f := k * k / dist
						disp[i].X += d.X / dist * f
						disp[i].Y += d.Y / dist * f
					}
				}
			}
		}
		for _, l := range links {
			if l.a == l.b {
				continue
			}
			d := point{pos[l.a].X - pos[l.b].X, pos[l.a].Y - pos[l.b].Y}
			dist := math.Hypot(d.X, d.Y)
			if dist < 0.01 {
				continue
			}
			f := dist * dist / k
			fx, fy := d.X/dist*f, d.Y/dist*f
			disp[l.a].X -= fx
			disp[l.a].Y -= fy
			disp[l.b].X += fx
			disp[l.b].Y += fy
		}
		for i, p := range pos {
			// Gravity towards the centre, growing with the distance.
			dist := math.Hypot(p.X, p.Y)
			if dist > 0 {
				f := gravity * dist
				disp[i].X -= p.X / dist * f
				disp[i].Y -= p.Y / dist * f
			}
			dl := math.Hypot(disp[i].X, disp[i].Y)
			if dl > 0 {
				step := math.Min(dl, temp)
				pos[i].X += disp[i].X / dl * step
				pos[i].Y += disp[i].Y / dl * step
			}
		}
		temp = k * math.Sqrt(float64(n)) / 2 * (1 - float64(it+1)/float64(iters))
		temp = math.Max(temp, k/20)
	}
	fit(pos, w, h, margin)
	separate(pos, radius, w, h, margin)
	return pos
}

// fit scales and moves pos into the box [margin, w-margin]×[margin,
// h-margin], stretching one axis at most 1.5 times more than the other.
func fit(pos []point, w, h, margin float64) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	sx := (w - 2*margin) / math.Max(maxX-minX, 1)
	sy := (h - 2*margin) / math.Max(maxY-minY, 1)
	sx, sy = math.Min(sx, 1.5*sy), math.Min(sy, 1.5*sx)
	ox := margin + ((w-2*margin)-(maxX-minX)*sx)/2
	oy := margin + ((h-2*margin)-(maxY-minY)*sy)/2
	for i, p := range pos {
		pos[i] = point{ox + (p.X-minX)*sx, oy + (p.Y-minY)*sy}
	}
}

// separate pushes overlapping circles apart, a few passes in index order,
// keeping them inside the box.
func separate(pos []point, radius []float64, w, h, margin float64) {
	const gap = 3.0
	maxR := 0.0
	for _, r := range radius {
		maxR = math.Max(maxR, r)
	}
	size := 2*maxR + gap
	for range 20 {
		moved := false
		grid := make(map[[2]int][]int)
		for i, p := range pos {
			c := [2]int{int(p.X / size), int(p.Y / size)}
			grid[c] = append(grid[c], i)
		}
		for i := range pos {
			c := [2]int{int(pos[i].X / size), int(pos[i].Y / size)}
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					for _, j := range grid[[2]int{c[0] + dx, c[1] + dy}] {
						if j <= i {
							continue
						}
						d := point{pos[j].X - pos[i].X, pos[j].Y - pos[i].Y}
						dist := math.Hypot(d.X, d.Y)
						need := radius[i] + radius[j] + gap
						if dist >= need {
							continue
						}
						if dist < 0.01 {
							d, dist = point{1, 0}, 1
						}
						push := (need - dist) / 2
						pos[i].X -= d.X / dist * push
						pos[i].Y -= d.Y / dist * push
						pos[j].X += d.X / dist * push
						pos[j].Y += d.Y / dist * push
						moved = true
					}
				}
			}
		}
		for i, p := range pos {
			pos[i] = point{clamp(p.X, margin, w-margin), clamp(p.Y, margin, h-margin)}
		}
		if !moved {
			return
		}
	}
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// rect is an axis-aligned box.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) overlaps(o rect) bool {
	return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1
}

// label is where a node's name is drawn: the text's anchor point and
// alignment, or hidden when no place near the node was free.
type label struct {
	X, Y   float64
	Anchor string // "start", "middle" or "end"
	Hidden bool
}

// labelFont is the label font size in SVG user units; labelCharWidth is
// the width allowed per character, wide enough for most sans-serif fonts;
// the ascent and descent bound the text above and below its baseline.
const (
	labelFont      = 11.0
	labelCharWidth = 0.62 * labelFont
	labelAscent    = 0.8 * labelFont
	labelDescent   = 0.25 * labelFont
)

// box is the room the label takes when it reads text.
func (l label) box(text string) rect {
	wd := labelCharWidth * float64(utf8.RuneCountInString(text))
	x0 := l.X
	switch l.Anchor {
	case "middle":
		x0 -= wd / 2
	case "end":
		x0 -= wd
	}
	return rect{x0, l.Y - labelAscent, x0 + wd, l.Y + labelDescent}
}

// placeLabels finds a place for each node's text that overlaps no other
// label and no circle, trying right, left, above, below and then the
// diagonals, in node order (most important first). A node whose label
// fits nowhere gets a hidden label, shown when the node is selected or
// hovered. Circles of nodes from index obstacleFrom on are obstacles
// only for the labels of later nodes, so that the placement of the first
// nodes does not depend on the nodes shown only on request.
func placeLabels(pos []point, radius []float64, text []string, obstacleFrom int) []label {
	out := make([]label, len(pos))
	const cellSize = 64.0
	grid := make(map[[2]int][]rect)
	cells := func(r rect, f func([2]int)) {
		for x := int(math.Floor(r.x0 / cellSize)); x <= int(math.Floor(r.x1/cellSize)); x++ {
			for y := int(math.Floor(r.y0 / cellSize)); y <= int(math.Floor(r.y1/cellSize)); y++ {
				f([2]int{x, y})
			}
		}
	}
	add := func(r rect) { cells(r, func(c [2]int) { grid[c] = append(grid[c], r) }) }
	free := func(r rect) bool {
		ok := true
		cells(r, func(c [2]int) {
			for _, o := range grid[c] {
				if ok && r.overlaps(o) {
					ok = false
				}
			}
		})
		return ok
	}
	circle := func(i int) rect {
		p, r := pos[i], radius[i]
		return rect{p.X - r, p.Y - r, p.X + r, p.Y + r}
	}
	for i := range min(obstacleFrom, len(pos)) {
		add(circle(i))
	}
	for i, p := range pos {
		if i >= obstacleFrom {
			add(circle(i))
		}
		r := radius[i]
		asc, desc := labelAscent, labelDescent
		at := func(x, y float64, anchor string) label { return label{X: x, Y: y, Anchor: anchor} }
		cands := []label{
			at(p.X+r+3, p.Y+labelFont*0.35, "start"),
			at(p.X-r-3, p.Y+labelFont*0.35, "end"),
			at(p.X, p.Y-r-3-desc, "middle"),
			at(p.X, p.Y+r+2+asc, "middle"),
			at(p.X+r, p.Y-r-desc, "start"),
			at(p.X+r, p.Y+r+asc, "start"),
			at(p.X-r, p.Y-r-desc, "end"),
			at(p.X-r, p.Y+r+asc, "end"),
		}
		out[i] = cands[0]
		out[i].Hidden = true
		for _, c := range cands {
			if box := c.box(text[i]); free(box) {
				out[i] = c
				add(box)
				break
			}
		}
	}
	return out
}

// num formats a coordinate with one decimal, the precision of the
// drawing, so the output is short and stable.
func num(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// curve is one drawn edge between two circles: its SVG path.
type curve struct {
	from, to int
}

// edgePaths returns an SVG path for each edge, from the rim of the source
// circle to the rim of the target circle (where an arrowhead goes). Edges
// between the same two nodes bend apart so each stays visible; a
// self-loop is drawn as a small loop above its node.
func edgePaths(pos []point, radius []float64, edges []curve) []string {
	type pair struct{ a, b int }
	total := make(map[pair]int)
	key := func(e curve) pair {
		if e.from < e.to {
			return pair{e.from, e.to}
		}
		return pair{e.to, e.from}
	}
	for _, e := range edges {
		total[key(e)]++
	}
	seen := make(map[pair]int)
	out := make([]string, len(edges))
	for i, e := range edges {
		k := key(e)
		idx := seen[k]
		seen[k]++
		p, q := pos[e.from], pos[e.to]
		if e.from == e.to {
			r := radius[e.from]
			s := 10 + 6*float64(idx)
			out[i] = fmt.Sprintf("M%s %sC%s %s %s %s %s %s",
				num(p.X-r*0.6), num(p.Y-r*0.8), num(p.X-r-s), num(p.Y-r-2*s), num(p.X+r+s), num(p.Y-r-2*s), num(p.X+r*0.6), num(p.Y-r*0.8))
			continue
		}
		dx, dy := q.X-p.X, q.Y-p.Y
		d := math.Hypot(dx, dy)
		if d < 0.01 {
			d, dx = 0.01, 0.01
		}
		// Perpendicular offset; the sign follows the canonical pair
		// direction so two opposite edges bend to opposite sides.
		off := (float64(idx) - float64(total[k]-1)/2) * 16
		nx, ny := -dy/d, dx/d
		if e.from > e.to {
			nx, ny = -nx, -ny
		}
		mx, my := (p.X+q.X)/2+nx*off, (p.Y+q.Y)/2+ny*off
		// Trim both ends to the circles, along the tangents at the ends.
		sx, sy := towards(p, point{mx, my}, radius[e.from])
		tx, ty := towards(q, point{mx, my}, radius[e.to]+1)
		if off == 0 {
			out[i] = fmt.Sprintf("M%s %sL%s %s", num(sx), num(sy), num(tx), num(ty))
		} else {
			out[i] = fmt.Sprintf("M%s %sQ%s %s %s %s", num(sx), num(sy), num(mx), num(my), num(tx), num(ty))
		}
	}
	return out
}

// towards returns the point at distance r from c in the direction of p.
func towards(c, p point, r float64) (float64, float64) {
	dx, dy := p.X-c.X, p.Y-c.Y
	d := math.Hypot(dx, dy)
	if d < 0.01 {
		return c.X, c.Y
	}
	return c.X + dx/d*r, c.Y + dy/d*r
}
