package preview

import (
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"slices"
	"time"
)

// GridColumns is how many posts a row of the profile grid shows.
const GridColumns = 3

// GridExisting bounds how many current posts the grid shows under the new
// ones: four rows.
const GridExisting = 4 * GridColumns

// Grid is the profile grid as it will look: the posts this plan publishes
// (or schedules) on top of the account's current ones.
type Grid struct {
	Cells []Cell
	// Source names where the current posts come from ("" when unknown:
	// then the grid shows the new posts only).
	Source string
}

// Cell is one square of the grid.
type Cell struct {
	Image    Text
	Video    bool
	Carousel bool
	// New is a post of this plan: Address and When say which and when.
	New     bool
	Address string
	When    string
	Link    string
}

// buildGrid places the new posts, latest first, before the account's
// current ones, less the posts the plan deletes (a retained or forgotten
// post stays on the grid). Stories are
// not on the grid.
func buildGrid(cards []*Card, existing []Existing, source string) *Grid {
	type newPost struct {
		cell Cell
		at   time.Time
	}
	var news []newPost
	gone := map[string]bool{}
	for _, c := range cards {
		if c.Post == nil {
			continue
		}
		if c.Post.Deletes != "" {
			gone[c.Post.Deletes] = true
		}
		if c.Post.Type == graph.MediaTypeStories || (c.Verb != VerbPublish && c.Verb != VerbSchedule && c.Verb != VerbReplace) {
			continue
		}
		cell := Cell{New: true, Address: c.Address, When: c.WhenText, Carousel: c.Post.Type == graph.MediaTypeCarousel}
		if len(c.Post.Items) > 0 {
			cell.Image, cell.Video = c.Post.Items[0].Image, c.Post.Items[0].Video
		}
		news = append(news, newPost{cell: cell, at: c.When})
	}
	// Latest first; "now" (zero) posts go out before any scheduled one.
	slices.SortStableFunc(news, func(a, b newPost) int { return b.at.Compare(a.at) })
	g := &Grid{Source: source}
	for _, n := range news {
		g.Cells = append(g.Cells, n.cell)
	}
	shown := 0
	for _, e := range existing {
		if shown == GridExisting {
			break
		}
		if gone[e.ID] || e.ProductType == graph.ProductStory {
			continue
		}
		g.Cells = append(g.Cells, Cell{Image: e.Image, Video: e.Video, Carousel: e.Carousel, Link: e.Permalink})
		shown++
	}
	return g
}

// Rows are the cells in rows of GridColumns.
func (g *Grid) Rows() [][]Cell {
	var rows [][]Cell
	for i := 0; i < len(g.Cells); i += GridColumns {
		rows = append(rows, g.Cells[i:min(i+GridColumns, len(g.Cells))])
	}
	return rows
}
