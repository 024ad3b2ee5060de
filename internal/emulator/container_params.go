package emulator

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The parameters of POST /{ig-user-id}/media
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media)
// as one table: a parameter Meta documents is a row, read into the
// container in table order, and any other parameter is refused with Meta's
// "(#100) Invalid parameter", so that a misspelt parameter fails instead of
// vanishing. Rules between parameters that need all of them known are in
// checkContainer (containers.go).

// inputs are what POST /{ig-user-id}/media sets on a container and what its
// media keeps once published (newMedia copies them whole).
type inputs struct {
	imageURL, videoURL  string
	coverURL, audioName string
	caption, altText    string
	locationID          string
	thumbOffset         int
	shareToFeed         bool
	userTags            []UserTag
	collaborators       []string
	labels              // trial reel, partnership and AI labels (publishing_params.go)
	addons              // caption add-ons and licensed audio (addons.go)
}

// containerParam is one documented parameter: read parses its non-empty
// value into the container, with the rules that depend only on it and on
// the rows above it.
type containerParam struct {
	name string
	read func(s *Server, req *request, c *container, v string) *apiError
}

// containerParams is the table, in reading order: the kind comes first,
// because most rules depend on it.
var containerParams = []containerParam{
	flagParam("is_carousel_item", func(c *container) *bool { return &c.isCarouselItem }),
	{"media_type", readMediaType},
	textParam("image_url", func(c *container) *string { return &c.imageURL }),
	textParam("video_url", func(c *container) *string { return &c.videoURL }),
	{"upload_type", (*Server).readUploadType}, // uploads.go
	{"children", readChildren},
	textParam("caption", func(c *container) *string { return &c.caption }),
	{"alt_text", readAltText},
	{"location_id", readLocationID},
	{"user_tags", readUserTags},
	{"collaborators", (*Server).readCollaborators},
	{"product_tags", readProductTags},
	flagParam("share_to_feed", func(c *container) *bool { return &c.shareToFeed }),
	textParam("cover_url", func(c *container) *string { return &c.coverURL }),
	{"thumb_offset", readThumbOffset},
	textParam("audio_name", func(c *container) *string { return &c.audioName }),
	// Labels of 2025–2026 (publishing_params.go).
	{"trial_params", (*Server).readTrialParams},
	{"branded_content_sponsor_ids", (*Server).readSponsorIDs},
	{"is_paid_partnership", (*Server).readPaidPartnership},
	{"is_ai_generated", readAIGenerated},
	// Caption add-ons and licensed audio, Facebook login only (addons.go).
	{"poll_attachment", (*Server).readPoll},
	flagParam("is_poll_duration_extended", func(c *container) *bool { return &c.pollExtended }),
	flagParam("is_comment_prompt_used", func(c *container) *bool { return &c.commentPrompt }),
	{"audio_configuration", (*Server).readAudioConfiguration},
}

// facebookLoginOnlyParams exist on graph.facebook.com only: with an
// Instagram-login token they are not parameters of the endpoint (Caption
// Add-ons guide, Audio API guide: "not supported on the Instagram API with
// Instagram Login"). The exact refusal is undocumented (uncertain).
var facebookLoginOnlyParams = map[string]bool{
	"poll_attachment": true, "is_poll_duration_extended": true, "is_comment_prompt_used": true, "audio_configuration": true,
}

// containerParamNames are the rows' names, for the unknown-parameter check.
var containerParamNames = func() map[string]bool {
	out := map[string]bool{}
	for _, p := range containerParams {
		out[p.name] = true
	}
	return out
}()

// errInvalidParam is Graph's answer to a parameter the endpoint does not
// take: code 100 "Invalid parameter"; the user message naming it is ours.
func errInvalidParam(name, why string) *apiError {
	return userErr(100, 0, "(#100) Invalid parameter", "Invalid parameter", name+" "+why)
}

// readContainerParams refuses parameters the endpoint does not take, then
// reads every row present, recording what was sent in c.params.
func (s *Server) readContainerParams(req *request, c *container) *apiError {
	for _, k := range slices.Sorted(maps.Keys(req.params)) {
		switch {
		case ignoredParams[k]:
		case !containerParamNames[k]:
			return errInvalidParam(k, "is not a parameter of POST /{ig-user-id}/media.")
		case facebookLoginOnlyParams[k] && req.tok.kind == tokenInstagram:
			return errInvalidParam(k, "is only available in the Instagram API with Facebook Login.")
		}
	}
	for _, p := range containerParams {
		v, ok := req.param(p.name)
		if !ok {
			continue
		}
		c.params[p.name] = v
		if v == "" {
			continue
		}
		if err := p.read(s, req, c, v); err != nil {
			return err
		}
	}
	return nil
}

func textParam(name string, dst func(*container) *string) containerParam {
	return containerParam{name, func(_ *Server, _ *request, c *container, v string) *apiError {
		*dst(c) = v
		return nil
	}}
}

func flagParam(name string, dst func(*container) *bool) containerParam {
	return containerParam{name, func(_ *Server, _ *request, c *container, v string) *apiError {
		b, ok := parseBool(v)
		if !ok {
			return errParam("Param %s must be a boolean", name)
		}
		*dst(c) = b
		return nil
	}}
}

func readMediaType(_ *Server, _ *request, c *container, v string) *apiError {
	switch v = strings.ToUpper(v); v {
	case containerImage, containerReels, containerStories, containerCarousel:
	case containerVideo:
		if !c.isCarouselItem {
			return errMediaType("The VIDEO media type is no longer supported for single feed videos. Use REELS instead.")
		}
	default:
		return errMediaType("The media type " + v + " is not supported.")
	}
	c.kind = v
	return nil
}

// readChildren keeps the item ids; checkContainer validates them on a CAROUSEL.
func readChildren(_ *Server, _ *request, c *container, v string) *apiError {
	c.children = parseList(v)
	return nil
}

func readAltText(_ *Server, _ *request, c *container, v string) *apiError {
	if utf8.RuneCountInString(v) > 1000 {
		return errParam("Param alt_text must be at most 1000 characters")
	}
	c.altText = v
	return nil
}

func readLocationID(_ *Server, _ *request, c *container, v string) *apiError {
	if !numericRe.MatchString(v) {
		return userErr(100, 0, "(#100) INSTAGRAM_PLATFORM_API__INVALID_LOCATION_ID", "Invalid location", "The location ID is not a valid location Page.")
	}
	c.locationID = v
	return nil
}

func readUserTags(_ *Server, _ *request, c *container, v string) *apiError {
	if c.kind == containerVideo {
		// The IG User Media reference: user_tags are for images, reels and
		// stories, not carousel videos.
		return errParam("user_tags are not supported on carousel video items")
	}
	tags, err := parseUserTags(v, c.kind == containerImage)
	if err != nil {
		return err
	}
	c.userTags = tags
	return nil
}

func (s *Server) readCollaborators(_ *request, c *container, v string) *apiError {
	// Collaborators go on a carousel's parent, never on its items, and not
	// on stories (same reference).
	if c.isCarouselItem || c.kind == containerStories {
		return errParam("collaborators are not supported on %s", kindName(c))
	}
	c.collaborators = parseList(v)
	if len(c.collaborators) > s.opts.MaxCollaborators {
		return errParam("A media can have at most %d collaborators", s.opts.MaxCollaborators)
	}
	return nil
}

// readProductTags: product tags need an Instagram Shop and its catalog
// (same reference), which no emulated account has; refused rather than
// silently dropped.
func readProductTags(_ *Server, _ *request, _ *container, _ string) *apiError {
	return userErr(100, 0, "(#100) The account has no Instagram Shop to tag products from", "Product tagging unavailable",
		"Product tags need an approved Instagram Shop and catalog; the emulator's accounts have none.")
}

func readThumbOffset(_ *Server, _ *request, c *container, v string) *apiError {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return userErr(1, 2207057, "Invalid thumb_offset", "Invalid thumbnail offset",
			"The thumbnail offset must be a non-negative number of milliseconds within the video.")
	}
	c.thumbOffset = n
	return nil
}

// ContainerRequest is what one POST /{ig-user-id}/media sent: every
// documented parameter as received (transport parameters such as the token
// left out). Tests use it to prove that an input reaches the API.
type ContainerRequest struct {
	ContainerID string            `json:"container_id"`
	AccountID   string            `json:"account_id"`
	Created     time.Time         `json:"created"`
	Params      map[string]string `json:"params"`
}

// ContainerRequests lists the containers created, oldest first, with the
// parameters each was created with (GET /_emulator/state shows them too).
func (s *Server) ContainerRequests() []ContainerRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []ContainerRequest
	for id := firstContainerID; id < s.st.nextContainer; id++ {
		c := s.st.containers[strconv.FormatInt(id, 10)]
		out = append(out, ContainerRequest{ContainerID: c.id, AccountID: c.accountID, Created: c.created, Params: maps.Clone(c.params)})
	}
	return out
}

// ContainerRequest returns the parameters the container was created with.
func (s *Server) ContainerRequest(containerID string) (ContainerRequest, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.containers[containerID]
	if c == nil {
		return ContainerRequest{}, false
	}
	return ContainerRequest{ContainerID: c.id, AccountID: c.accountID, Created: c.created, Params: maps.Clone(c.params)}, true
}
