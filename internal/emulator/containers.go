package emulator

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// container is an IG media container (node type ShadowIGMediaBuilder).
type container struct {
	id, accountID  string
	kind           string // IMAGE, VIDEO (carousel item), REELS, STORIES, CAROUSEL
	isCarouselItem bool
	children       []string // container ids
	created        time.Time
	polls          int  // status reads answered IN_PROGRESS so far
	failSubcode    int  // set when processing will end in ERROR (async fetch failure)
	forceExpired   bool // a ProcessingRule makes processing end in EXPIRED
	mediaID        string
	upload         *upload // upload_type=resumable: the video arrives on the upload host (uploads.go)
	// params are the documented parameters as the request sent them
	// (ContainerRequests): what a test asserts reached the API.
	params map[string]string
	inputs // what the published media keeps (container_params.go)
}

const containerTTL = 24 * time.Hour

func (c *container) isVideo() bool { return c.videoURL != "" || c.upload != nil }

// status advances and reports the container's state machine:
// IN_PROGRESS → FINISHED | ERROR, EXPIRED after 24 h, PUBLISHED after publish.
// poll=true counts the call as a status read (only GETs on the container do).
func (s *Server) status(c *container, poll bool) (code string, subcode int) {
	if c.mediaID != "" {
		return "PUBLISHED", 0
	}
	now := s.now()
	if now.Sub(c.created) >= containerTTL {
		return "EXPIRED", 0
	}
	if c.kind == containerCarousel {
		// A carousel parent is ready when all its children are; reading the
		// parent advances the children too.
		code = "FINISHED"
		for _, id := range c.children {
			cc, sub := s.status(s.st.containers[id], poll)
			switch cc {
			case "ERROR":
				return "ERROR", sub
			case "EXPIRED":
				return "EXPIRED", 0
			case "IN_PROGRESS":
				code = "IN_PROGRESS"
			}
		}
		if code == "FINISHED" && now.Sub(c.created) < s.opts.ProcessingDelay {
			code = "IN_PROGRESS"
		}
		return code, 0
	}
	if c.upload != nil && !c.upload.complete() {
		return "IN_PROGRESS", 0 // processing starts once every byte arrived
	}
	need := s.opts.ImageProcessingPolls
	if c.isVideo() {
		need = s.opts.VideoProcessingPolls
	}
	if c.polls < need || now.Sub(c.created) < s.opts.ProcessingDelay {
		if poll {
			c.polls++
		}
		return "IN_PROGRESS", 0
	}
	if c.failSubcode != 0 {
		return "ERROR", c.failSubcode
	}
	if c.forceExpired {
		return "EXPIRED", 0
	}
	return "FINISHED", 0
}

// statusText is the human `status` field. Exact wording is uncertain.
func statusText(code string, subcode int) string {
	switch code {
	case "IN_PROGRESS":
		return "In Progress: Media is still being processed."
	case "FINISHED":
		return "Finished: Media has been uploaded and it is ready to be published."
	case "PUBLISHED":
		return "Published: Media has been successfully published."
	case "EXPIRED":
		return "Expired: Media was not published within 24 hours."
	}
	return fmt.Sprintf("Error: %d", subcode)
}

// resolveContainer: a container is visible to tokens reaching its account.
// Containers cannot be updated or deleted and have no edges
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container).
func (s *Server) resolveContainer(req *request, id, _ string) (*target, *apiError) {
	c := s.st.containers[id]
	if !req.tok.reaches(c.accountID) {
		return nil, errUnsupported(req.method, c.id)
	}
	return &target{container: c}, nil
}

// getContainer is GET /{container-id}: the status of the container.
func (s *Server) getContainer(req *request, t *target) (any, *apiError) {
	c := t.container
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	out := map[string]any{"id": c.id}
	for _, f := range fs {
		switch f.Name {
		case "id", "status_code", "status":
		case "copyright_check_status":
			out["copyright_check_status"] = map[string]any{"status": "completed", "matches_found": false}
		case "video_status":
			if s.opts.UploadOffsetOnRupload {
				return nil, errNonexistingField(f.Name, "ShadowIGMediaBuilder")
			}
		default:
			return nil, errNonexistingField(f.Name, "ShadowIGMediaBuilder")
		}
	}
	code, sub := s.status(c, true)
	for _, f := range fs {
		switch f.Name {
		case "status_code":
			out["status_code"] = code
		case "status":
			out["status"] = statusText(code, sub)
		case "video_status":
			if vs := c.videoStatus(code); vs != nil {
				out["video_status"] = vs
			}
		}
	}
	return out, nil
}

var (
	hashtagRe = regexp.MustCompile(`#[\p{L}\p{N}_]+`)
	mentionRe = regexp.MustCompile(`@[A-Za-z0-9._]+`)
	numericRe = regexp.MustCompile(`^[0-9]+$`)
)

// fetchable decides whether Meta could cURL the URL: http(s) and a host not
// under the reserved .invalid TLD.
func fetchable(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return false
	}
	return !strings.HasSuffix(strings.ToLower(u.Hostname()), ".invalid")
}

func errFetch(raw string) *apiError {
	return userErr(9004, 2207052, "Only photo or video can be accepted as media type.",
		"Media download has failed.", "The media could not be fetched from this uri: "+raw)
}

func errMediaType(msg string) *apiError {
	return userErr(100, 2207023, msg, "Unknown media type",
		"The media type you entered is not valid. Valid values are CAROUSEL, REELS, STORIES, VIDEO (carousel items) and IMAGE.")
}

// createContainer is POST /{ig-user-id}/media
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media;
// errors: https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
func (s *Server) createContainer(req *request, t *target) (any, *apiError) {
	a := t.account
	now := s.now()
	recent := pruneWindow(s.st.containerT[a.ID], now, 24*time.Hour)
	s.st.containerT[a.ID] = recent
	if len(recent) >= s.opts.ContainerLimit {
		// Documented limit (400/24 h), undocumented error: we reuse the publishing
		// limit's code/subcode with a distinct message (uncertain).
		return nil, userErr(9, 2207042,
			fmt.Sprintf("You reached the maximum number of media containers (%d) that can be created in 24 hours.", s.opts.ContainerLimit),
			"Container limit reached", "Too many media containers were created in the last 24 hours. Please try again later.")
	}

	c := &container{accountID: a.ID, created: now, kind: containerImage, params: map[string]string{}} // no media_type: a single image
	if err := s.readContainerParams(req, c); err != nil {
		return nil, err
	}
	if err := s.checkContainer(c); err != nil {
		return nil, err
	}

	c.id = strconv.FormatInt(s.st.nextContainer, 10)
	s.st.nextContainer++
	s.st.containers[c.id] = c
	s.st.containerT[a.ID] = append(s.st.containerT[a.ID], now)
	if c.upload != nil {
		return map[string]any{"id": c.id, "uri": req.baseURL() + UploadPrefix + "/" + req.version + "/" + c.id}, nil
	}
	return map[string]any{"id": c.id}, nil
}

// checkContainer applies the rules between parameters, once all are read
// (container_params.go), and settles what processing will do.
func (s *Server) checkContainer(c *container) *apiError {
	if c.isCarouselItem && c.kind != containerImage && c.kind != containerVideo {
		return errMediaType("Only IMAGE and VIDEO media can be carousel items.")
	}
	switch c.kind {
	case containerImage:
		if c.imageURL == "" {
			return errMissingParam("image_url")
		}
		c.videoURL = ""
	case containerVideo, containerReels:
		if !c.isVideo() {
			return errMissingParam("video_url")
		}
		c.imageURL = ""
	case containerStories:
		if c.imageURL == "" && !c.isVideo() {
			return errMissingParam("image_url or video_url")
		}
		if c.isVideo() {
			c.imageURL = ""
		}
	case containerCarousel:
		c.imageURL, c.videoURL = "", ""
	}
	// Images are fetched while the POST runs; videos (and reel covers) are
	// fetched during processing and fail the container asynchronously.
	if c.imageURL != "" && !fetchable(c.imageURL) {
		return errFetch(c.imageURL)
	}
	if c.videoURL != "" && !fetchable(c.videoURL) || c.coverURL != "" && !fetchable(c.coverURL) {
		c.failSubcode = 2207052
	}
	s.applyProcessingRules(c)

	if err := validateCaption(c.caption); err != nil {
		return err
	}
	if c.kind != containerImage {
		c.altText = "" // alt text applies to images only; Meta's handling of it elsewhere is undocumented
	}
	if _, set := c.params["share_to_feed"]; !set {
		c.shareToFeed = c.kind == containerReels // reels default to feed + Reels tab (uncertain default)
	}
	if err := checkAddons(c); err != nil {
		return err
	}
	if c.kind == containerCarousel {
		return s.validateChildren(c)
	}
	return nil
}

// kindName names a container's kind in error messages.
func kindName(c *container) string {
	if c.isCarouselItem {
		return "carousel items"
	}
	return strings.ToLower(c.kind)
}

func validateCaption(caption string) *apiError {
	tooLong := func() *apiError {
		return userErr(36004, 2207010, "The caption is too long.", "Caption too long",
			"The caption can have at most 2200 characters, 30 hashtags and 20 @mentions.")
	}
	if utf8.RuneCountInString(caption) > 2200 || len(hashtagRe.FindAllString(caption, -1)) > 30 {
		return tooLong()
	}
	if len(mentionRe.FindAllString(caption, -1)) > 20 {
		return userErr(100, 2207040, "(#100) Cannot use more than 20 @ tags in a caption.", "Too many tags",
			"A caption can have at most 20 @mentions.")
	}
	return nil
}

// parseList accepts a JSON array of strings or a comma-separated list (items
// trimmed, empty ones dropped, surrounding quotes removed). It reads every
// list parameter: ids, collaborators, webhook fields, metrics, breakdowns.
func parseList(v string) []string {
	var arr []string
	if strings.HasPrefix(strings.TrimSpace(v), "[") && json.Unmarshal([]byte(v), &arr) == nil {
		return arr
	}
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, strings.Trim(s, `"`))
		}
	}
	return out
}

// parseUserTags parses the JSON array; x/y are required for images.
func parseUserTags(v string, needXY bool) ([]UserTag, *apiError) {
	var raw []struct {
		Username string   `json:"username"`
		X        *float64 `json:"x"`
		Y        *float64 `json:"y"`
	}
	if err := json.Unmarshal([]byte(v), &raw); err != nil {
		return nil, errParam("Param user_tags must be a JSON array of {username, x, y}")
	}
	tags := make([]UserTag, 0, len(raw))
	for _, t := range raw {
		if t.Username == "" {
			return nil, errParam("Each user tag needs a username")
		}
		if needXY && (t.X == nil || t.Y == nil) {
			return nil, errParam("User tags on images need x and y coordinates")
		}
		tag := UserTag{Username: t.Username}
		if t.X != nil {
			tag.X = *t.X
		}
		if t.Y != nil {
			tag.Y = *t.Y
		}
		if tag.X < 0 || tag.X > 1 || tag.Y < 0 || tag.Y > 1 {
			return nil, errParam("User tag coordinates must be between 0.0 and 1.0")
		}
		tags = append(tags, tag)
	}
	return tags, nil
}

func (s *Server) validateChildren(c *container) *apiError {
	ids := c.children
	if len(ids) == 0 {
		return errMissingParam("children")
	}
	if len(ids) < 2 || len(ids) > 10 {
		return userErr(100, 2207028, "Carousel validation failed", "Carousel validation failed",
			"A carousel must contain between 2 and 10 photos or videos.")
	}
	for _, id := range ids {
		child := s.st.containers[id]
		if child == nil || child.accountID != c.accountID {
			return errParam("Param children contains an invalid media container id: %s", id)
		}
		if !child.isCarouselItem {
			return errParam("Container %s was not created with is_carousel_item=true", id)
		}
		if child.mediaID != "" {
			return errParam("Container %s has already been published", id)
		}
	}
	return nil
}

// pruneWindow drops times older than the trailing window.
func pruneWindow(ts []time.Time, now time.Time, window time.Duration) []time.Time {
	out := ts[:0]
	for _, t := range ts {
		if now.Sub(t) < window {
			out = append(out, t)
		}
	}
	return out
}
