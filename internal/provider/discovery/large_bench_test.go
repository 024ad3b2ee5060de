package discovery

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// BenchmarkBusinessDiscoveryState is what turning the largest business
// discovery answer (media_limit = 1000, a third of them carousels of 3)
// into the data source's state costs.
func BenchmarkBusinessDiscoveryState(b *testing.B) {
	ctx := context.Background()
	var sresp datasource.SchemaResponse
	NewBusinessDiscoveryDataSource().Schema(ctx, datasource.SchemaRequest{}, &sresp)
	state := tfsdk.State{Schema: sresp.Schema, Raw: tftypes.NewValue(sresp.Schema.Type().TerraformType(ctx), nil)}
	media := largeMedia(maxMediaLimit)
	b.ReportAllocs()
	for b.Loop() {
		m := businessDiscoveryModel{Media: make([]publicMediaModel, 0, len(media))}
		for _, p := range media {
			m.Media = append(m.Media, publicMediaFrom(p))
		}
		if diags := state.Set(ctx, &m); diags.HasError() {
			b.Fatal(diags)
		}
	}
}

func largeMedia(n int) []*graph.Media {
	likes := int64(42)
	out := make([]*graph.Media, n)
	for i := range out {
		p := &graph.Media{
			ID: fmt.Sprint(17900000000000000 + i), Caption: fmt.Sprintf("Post %d #coffee", i), MediaType: "IMAGE",
			MediaProductType: "FEED", MediaURL: fmt.Sprintf("https://cdn.example.com/%d.jpg", i),
			Permalink: fmt.Sprintf("https://www.instagram.com/p/%d/", i), Timestamp: "2026-11-01T10:00:00+0000",
			LikeCount: &likes, CommentsCount: &likes,
		}
		if i%3 == 0 {
			p.MediaType, p.MediaURL, p.Children = "CAROUSEL_ALBUM", "", &graph.MediaChildren{}
			for j := range 3 {
				p.Children.Data = append(p.Children.Data, graph.Media{ID: fmt.Sprint(18000000000000000 + 10*i + j), MediaType: "IMAGE",
					MediaURL: fmt.Sprintf("https://cdn.example.com/%d-%d.jpg", i, j)})
			}
		}
		out[i] = p
	}
	return out
}
