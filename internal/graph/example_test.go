package graph_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Publishing an image: create a container, wait until it is FINISHED, publish.
// A publish whose answer is lost comes back as *AmbiguousError: read, never resend.
func Example_publish() {
	client, err := graph.New(graph.Options{
		BaseURL:          graph.FacebookBaseURL,
		AccessToken:      "EAA…",
		AppSecret:        "…", // adds appsecret_proof
		MaxRateLimitWait: 2 * time.Minute,
		Limiter:          graph.NewLimiter(), // share one per process
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	const igUser = "17841400000000001"

	tags, _ := graph.EncodeParam([]any{map[string]any{"username": "friend", "x": 0.5, "y": 0.5}})
	containerID, _, err := client.Media.CreateContainer(ctx, igUser, graph.ContainerParams{Params: map[string]string{
		"image_url": "https://example.com/a.jpg",
		"caption":   "Hello #world",
		"user_tags": tags,
	}})
	if err != nil {
		return // an *AmbiguousError here may have left an orphan container: harmless, it expires
	}
	for {
		c, _, err := client.Media.GetContainer(ctx, containerID)
		if err != nil || c.StatusCode != graph.ContainerInProgress {
			break
		}
		time.Sleep(10 * time.Second)
	}
	mediaID, _, err := client.Media.Publish(ctx, igUser, containerID)
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &amb):
		// Read the container: status_code PUBLISHED means the post exists.
	case graph.IsRateLimited(err):
		// Tell the user when to try again.
	case err == nil:
		fmt.Println("published", mediaID)
	}
}
