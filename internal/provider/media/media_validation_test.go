package media_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// Every rule fails at plan time with a message naming the attribute and the
// limit, and no request reaches the API.
func TestAccMedia_validation(t *testing.T) {
	t.Parallel()
	image := `type = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"`
	child := func(n int) string {
		return strings.Repeat("\n  children {\n    image_url = \"https://cdn.example.com/c.jpg\"\n  }", n)
	}
	for _, tc := range []struct {
		name, body, want string
	}{
		{"caption length", image + "\n  caption = \"" + strings.Repeat("a", 2201) + "\"", `caption is 2201 characters long; Instagram allows at most 2200`},
		{"caption hashtags", image + "\n  caption = \"" + tags("#t", 31) + "\"", `caption has 31 hashtags; Instagram allows at most 30`},
		{"caption mentions", image + "\n  caption = \"" + tags("@u", 21) + "\"", `caption has 21 @mentions; Instagram allows at most 20`},
		{"carousel too small", `type = "CAROUSEL"` + child(1), `A carousel holds 2 to 10 children blocks; this one has 1`},
		{"carousel too large", `type = "CAROUSEL"` + child(11), `Carousel needs 2 to 10 items.*this one has 11`},
		{"tag x out of range", image + "\n  user_tags = [{ username = \"a\", x = 1.5, y = 0.5 }]", `user_tags\[0\]\.x.*between 0\.000000 and 1\.000000`},
		{"tag position missing", image + "\n  user_tags = [{ username = \"a\" }]", `user tag "a" on an image needs both x and y`},
		{"http url", `type = "IMAGE"` + "\n  image_url = \"http://cdn.example.com/a.jpg\"", `image_url must be an absolute https URL`},
		{"negative thumb_offset", `type = "REELS"` + "\n  video_url = \"https://cdn.example.com/v.mp4\"\n  thumb_offset = -1", `thumb_offset.*at least 0`},
		{"too many collaborators", image + "\n  collaborators = [\"a\", \"b\", \"c\", \"d\"]", `collaborators list must contain at least 1 elements and at most 3`},
		{"image needs image_url", `type = "IMAGE"`, `image_url is required when type is "IMAGE"`},
		{"reel needs video_url or video_file", `type = "REELS"`, `one of video_url or video_file is required when type is "REELS"`},
		{"image rejects video_url", image + "\n  video_url = \"https://cdn.example.com/v.mp4\"", `video_url cannot be set when type is "IMAGE"`},
		{"story rejects caption", `type = "STORIES"` + "\n  image_url = \"https://cdn.example.com/a.jpg\"\n  caption = \"hi\"", `caption cannot be set when type is "STORIES"`},
		{"story needs one url", `type = "STORIES"`, `one of image_url, video_url or video_file is required when type is "STORIES"`},
		{"story with two media", `type = "STORIES"` + "\n  image_url = \"https://cdn.example.com/a.jpg\"\n  video_url = \"https://cdn.example.com/v.mp4\"",
			`STORIES sets image_url and video_url; set exactly one of image_url, video_url or video_file`},
		{"local image path", `type = "IMAGE"` + "\n  image_url = \"photos/a.jpg\"", `not a local path \("photos/a.jpg"\).*The Instagram API cannot upload images`},
		{"local video path", `type = "REELS"` + "\n  video_url = \"file:///clips/a.mp4\"", `To upload a local video, set video_file = "/clips/a.mp4" instead`},
		{"carousel item needs one url", `type = "CAROUSEL"` + child(1) + "\n  children {\n    alt_text = \"x\"\n  }", `children\[1\] must set either image_url`},
		{"carousel video alt_text", `type = "CAROUSEL"` + child(1) + "\n  children {\n    video_url = \"https://cdn.example.com/v.mp4\"\n    alt_text = \"x\"\n  }", `children\[1\] is a video; Instagram supports alt_text only on images`},
		{"alt_text length", image + "\n  alt_text = \"" + strings.Repeat("a", 1001) + "\"", `alt_text is 1001 characters long; Instagram allows at most 1000`},
		{"unknown type", `type = "VIDEO"` + "\n  video_url = \"https://cdn.example.com/v.mp4\"", `type.*value must be one of`},
	} {
		t.Run(tc.name, func(t *testing.T) { planFails(t, tc.body, tc.want) })
	}
}

// planFails plans an instagram_media with body and expects the error want
// (acctest.ExpectError) before any request reaches the API.
func planFails(t *testing.T, body, want string) {
	t.Helper()
	t.Parallel()
	config := fmt.Sprintf("resource \"instagram_media\" \"bad\" {\n  %s\n}\n", body)
	acctest.New(t, emulator.Options{}).PlanOnlyError(t, config, want)
}

func tags(prefix string, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return strings.Join(out, " ")
}
