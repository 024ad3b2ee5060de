package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// PollAttachment is a post's caption add-on poll with each option's share
// of the votes: GET /{ig-media-id}/poll_attachment
// (https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-media/poll_attachment,
// Facebook login only, not stories).
type PollAttachment struct {
	OptionA string `json:"option_a"`
	OptionB string `json:"option_b"`
	OptionC string `json:"option_c,omitempty"`
	OptionD string `json:"option_d,omitempty"`
	// Shares of the votes, fractions between 0 and 1.
	OptionAVotes *float64 `json:"option_a_votes_percentage,omitempty"`
	OptionBVotes *float64 `json:"option_b_votes_percentage,omitempty"`
	OptionCVotes *float64 `json:"option_c_votes_percentage,omitempty"`
	OptionDVotes *float64 `json:"option_d_votes_percentage,omitempty"`
	// ExpirationTimestamp is when the poll closes (TimeLayout); empty for
	// a poll whose duration was extended (uncertain).
	ExpirationTimestamp string `json:"expiration_timestamp,omitempty"`
}

// PollOption is one option of a poll and its share of the votes.
type PollOption struct {
	Text       string
	VotesShare *float64 // between 0 and 1; nil when Meta leaves it out
}

// Options lists the options in order, without the unused ones.
func (p *PollAttachment) Options() []PollOption {
	all := []PollOption{{p.OptionA, p.OptionAVotes}, {p.OptionB, p.OptionBVotes}, {p.OptionC, p.OptionCVotes}, {p.OptionD, p.OptionDVotes}}
	var out []PollOption
	for _, o := range all {
		if o.Text != "" {
			out = append(out, o)
		}
	}
	return out
}

// GetPollAttachment reads GET /{ig-media-id}/poll_attachment: nil (and no
// error) when the post has no poll, which Meta answers with null. It is a
// call of its own: the edge cannot be expanded in a media's fields. The
// expiration is read in Meta's default ISO 8601 form (date_format is
// restricted for apps created since 2026-11-04).
func (s *MediaService) GetPollAttachment(ctx context.Context, mediaID string) (*PollAttachment, *Response, error) {
	path, err := nodePath(mediaID, "poll_attachment")
	if err != nil {
		return nil, nil, err
	}
	var raw json.RawMessage
	resp, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: path}, &raw)
	if err != nil {
		return nil, resp, err
	}
	if b := bytes.TrimSpace(raw); len(b) == 0 || string(b) == "null" {
		return nil, resp, nil
	}
	p := new(PollAttachment)
	if err := json.Unmarshal(raw, p); err != nil {
		return nil, resp, fmt.Errorf("graph: GET %s: decoding response: %w", path, err)
	}
	return p, resp, nil
}

// PollOptionKeys are the keys of a poll's options in poll_attachment, in
// order: poll_attachment={"option_a":"…","option_b":"…"[,"option_c":"…"[,"option_d":"…"]]}.
// Meta's Caption Add-ons guide describes "a JSON object containing the
// options for the poll"; the keys are those of Instagram's poll_attachment
// read edge and of Threads' parameter of the same name
// (https://developers.facebook.com/documentation/threads/create-posts/polls);
// no Instagram sample shows the request (uncertain).
var PollOptionKeys = []string{"option_a", "option_b", "option_c", "option_d"}

// EncodePoll encodes a poll's 2 to 4 options as the container parameter
// poll_attachment.
func EncodePoll(options []string) (string, error) {
	if len(options) < 2 || len(options) > len(PollOptionKeys) {
		return "", fmt.Errorf("graph: a poll has 2 to %d options, not %d", len(PollOptionKeys), len(options))
	}
	m := make(map[string]string, len(options))
	for i, o := range options {
		m[PollOptionKeys[i]] = o
	}
	return EncodeParam(m) // JSON keys sorted: option_a first
}
