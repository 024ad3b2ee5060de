package emulator

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Caption add-ons (https://developers.facebook.com/documentation/instagram-platform/content-publishing/caption-add-ons,
// changelog 2026-09-28) and licensed audio on reels
// (https://developers.facebook.com/documentation/instagram-platform/content-publishing/audio-api,
// changelog 2026-06-01), both Facebook login only:
//
//   - poll_attachment: a poll of 2–4 options, the caption its question;
//     is_poll_duration_extended keeps it open beyond the default 3 days;
//   - is_comment_prompt_used: the caption invites answers in the comments;
//   - at most one add-on per media, a non-empty caption, on feed images,
//     reels and carousels (on the parent), never on stories or carousel items;
//   - audio_configuration: a licensed track on a REELS container; a track
//     that is no longer available when the reel is published fails the
//     publish, and nothing is published.
//
// Meta's Caption Add-ons guide was readable only up to "Set the
// poll_attachment parameter wh…". The encoding decided here: a JSON
// object in a string parameter, {"option_a":"…","option_b":"…"[,"option_c":"…"[,"option_d":"…"]]},
// as Meta's Threads API documents for its parameter of the same name and
// description (https://developers.facebook.com/documentation/threads/create-posts/polls)
// and as Instagram's GET /{ig-media-id}/poll_attachment returns it (same keys)
// (uncertain). Threads limits an option to 25 characters:
// Options.PollOptionMaxLength.

// addons are a container's (and its media's) add-on and audio.
type addons struct {
	poll          []string // poll_attachment options, a to d; nil without a poll
	pollExtended  bool     // is_poll_duration_extended
	commentPrompt bool     // is_comment_prompt_used
	audio         *audioConfig
}

// audioConfig is audio_configuration.
type audioConfig struct {
	AudioID     string `json:"audio_id"`
	AudioVolume int    `json:"audio_volume"` // 0–100, default 100
	VideoVolume int    `json:"video_volume"` // 0–100, default 100
	Loop        bool   `json:"should_loop_audio,omitempty"`
}

// pollKeys are poll_attachment's keys, in order.
var pollKeys = []string{"option_a", "option_b", "option_c", "option_d"}

// pollDuration is how long a poll stays open unless extended.
const pollDuration = 3 * 24 * time.Hour

// readPoll reads poll_attachment (a row of containerParams).
func (s *Server) readPoll(_ *request, c *container, v string) *apiError {
	bad := func(why string) *apiError {
		return errParam(`Param poll_attachment must be a JSON object {"option_a":"…","option_b":"…"} with 2 to 4 options (option_a to option_d): %s`, why)
	}
	var raw map[string]any
	if json.Unmarshal([]byte(v), &raw) != nil {
		return bad("it is not a JSON object")
	}
	for k := range raw {
		if !slices.Contains(pollKeys, k) {
			return bad("unknown key " + k)
		}
	}
	var options []string
	for i, k := range pollKeys {
		val, ok := raw[k]
		if !ok {
			if i < 2 {
				return bad(k + " is required")
			}
			for _, later := range pollKeys[i+1:] {
				if _, set := raw[later]; set {
					return bad(later + " needs " + k)
				}
			}
			break
		}
		text, ok := val.(string)
		n := utf8.RuneCountInString(strings.TrimSpace(text))
		if !ok || n == 0 || n > s.opts.PollOptionMaxLength {
			return bad(k + " must be text of 1 to " + strconv.Itoa(s.opts.PollOptionMaxLength) + " characters")
		}
		options = append(options, text)
	}
	c.poll = options
	return nil
}

// readAudioConfiguration reads audio_configuration (a row of
// containerParams): {"audio_id":…,"audio_volume":0–100,"video_volume":0–100}.
// audio_id is a string or a number; should_loop_audio appears only in
// Meta's sample (accepted, uncertain).
func (s *Server) readAudioConfiguration(_ *request, c *container, v string) *apiError {
	bad := func(why string) *apiError {
		return errParam(`Param audio_configuration must be a JSON object {"audio_id":"…","audio_volume":0-100,"video_volume":0-100}: %s`, why)
	}
	if c.kind != containerReels {
		return errParam("audio_configuration is only supported for REELS")
	}
	dec := json.NewDecoder(strings.NewReader(v))
	dec.DisallowUnknownFields()
	var raw struct {
		AudioID     json.Number `json:"audio_id"` // a number, or a string holding one
		AudioVolume *int        `json:"audio_volume"`
		VideoVolume *int        `json:"video_volume"`
		Loop        bool        `json:"should_loop_audio"`
	}
	if err := dec.Decode(&raw); err != nil {
		return bad(err.Error())
	}
	cfg := &audioConfig{AudioID: raw.AudioID.String(), AudioVolume: 100, VideoVolume: 100, Loop: raw.Loop}
	return s.setAudio(c, cfg, raw.AudioVolume, raw.VideoVolume, bad)
}

func (s *Server) setAudio(c *container, cfg *audioConfig, audioVolume, videoVolume *int, bad func(string) *apiError) *apiError {
	for _, vol := range []struct {
		name string
		v    *int
		dst  *int
	}{{"audio_volume", audioVolume, &cfg.AudioVolume}, {"video_volume", videoVolume, &cfg.VideoVolume}} {
		if vol.v == nil {
			continue
		}
		if *vol.v < 0 || *vol.v > 100 {
			return bad(vol.name + " must be between 0 and 100")
		}
		*vol.dst = *vol.v
	}
	if !numericRe.MatchString(cfg.AudioID) {
		return bad("audio_id is required")
	}
	if !s.audioAvailable(cfg.AudioID) {
		return s.errAudioUnavailable(cfg.AudioID)
	}
	c.audio = cfg
	return nil
}

// checkAddons applies the add-on rules once every parameter is read.
func checkAddons(c *container) *apiError {
	hasPoll := c.poll != nil
	if c.pollExtended && !hasPoll {
		return errParam("is_poll_duration_extended needs poll_attachment")
	}
	if !hasPoll && !c.commentPrompt {
		return nil
	}
	switch {
	case hasPoll && c.commentPrompt:
		return errParam("A media can carry at most one caption add-on: poll_attachment and is_comment_prompt_used cannot be combined")
	case c.isCarouselItem:
		return errParam("Caption add-ons go on the carousel container, not on its items")
	case c.kind == containerStories:
		return errParam("Caption add-ons are not supported on stories")
	case strings.TrimSpace(c.caption) == "":
		return errParam("A caption add-on needs a caption: the caption is the poll question or the prompt")
	}
	return nil
}

// pollAttachment is GET /{ig-media-id}/poll_attachment, Facebook login only
// (edgeChecks), its own call: the reference says it cannot be expanded as a
// field of the media.
func (s *Server) pollAttachment(req *request, t *target) (any, *apiError) {
	m := t.media
	if m.isStory() {
		// The reference: "Story media is not supported"; its error is undocumented (uncertain).
		return nil, errParam("Story media is not supported by poll_attachment")
	}
	if m.poll == nil {
		return nil, nil // the reference: null when the media has no caption poll
	}
	shares := s.pollShares(m)
	out := map[string]any{}
	for i, text := range m.poll {
		out[pollKeys[i]] = text
		out[pollKeys[i]+"_votes_percentage"] = shares[i]
	}
	if !m.pollExtended {
		end := m.timestamp.Add(pollDuration)
		if f, _ := req.param("date_format"); f == "U" {
			out["expiration_timestamp"] = end.Unix()
		} else {
			out["expiration_timestamp"] = end.UTC().Format(timeLayout)
		}
	}
	return out, nil
}

// pollShares are each option's share of the votes, fractions that add up
// to 1: the votes SetPollVotes set, else deterministic ones.
func (s *Server) pollShares(m *media) []float64 {
	votes := s.st.pollVotes[m.id]
	if votes == nil {
		for i := range m.poll {
			votes = append(votes, int(insightHash(m.id, "poll", strconv.Itoa(i))%100)+1)
		}
	}
	total := 0
	for _, v := range votes {
		total += v
	}
	out := make([]float64, len(m.poll))
	for i := range out {
		if total > 0 && i < len(votes) {
			out[i] = float64(int(float64(votes[i])/float64(total)*10000+0.5)) / 10000
		}
	}
	return out
}

// SetPollVotes sets the votes of a post's poll, one count per option, as if
// its viewers had voted. It reports false when the post has no poll.
func (s *Server) SetPollVotes(mediaID string, votes ...int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.st.media[mediaID]
	if m == nil || m.poll == nil || len(votes) != len(m.poll) {
		return false
	}
	s.st.pollVotes[mediaID] = append([]int(nil), votes...)
	return true
}
