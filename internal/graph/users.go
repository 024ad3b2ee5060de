package graph

import (
	"context"
	"net/http"
	"net/url"
)

// UsersService reads IG User nodes.
type UsersService service

// User is an IG User node. Which fields are set depends on the fields asked
// for and on the host (user_id and account_type exist on graph.instagram.com).
type User struct {
	Profile
	UserID        string `json:"user_id,omitempty"`
	AccountType   string `json:"account_type,omitempty"` // "Business" or "Media_Creator" (Instagram Login)
	HasProfilePic *bool  `json:"has_profile_pic,omitempty"`
}

// Profile is the public profile of a professional account: what the account
// reads of itself, and what business discovery reads of another one.
// Counts are pointers: Graph leaves out what it does not report.
type Profile struct {
	ID                string `json:"id"`
	Username          string `json:"username,omitempty"`
	Name              string `json:"name,omitempty"`
	Biography         string `json:"biography,omitempty"`
	Website           string `json:"website,omitempty"`
	ProfilePictureURL string `json:"profile_picture_url,omitempty"`
	FollowersCount    *int64 `json:"followers_count,omitempty"`
	FollowsCount      *int64 `json:"follows_count,omitempty"`
	MediaCount        *int64 `json:"media_count,omitempty"`
}

// ProfileFields are the fields of Profile: what Get reads when none are
// given (valid on both hosts), and what business discovery may read.
var ProfileFields = []string{
	"id", "username", "name", "biography", "website", "profile_picture_url",
	"followers_count", "follows_count", "media_count",
}

// MeFields are the fields Me reads when none are given. Me is meant for
// Instagram Login tokens, where /me is the IG professional account.
var MeFields = []string{
	"id", "user_id", "username", "name", "account_type", "biography", "website",
	"profile_picture_url", "followers_count", "follows_count", "media_count",
}

// Get reads GET /{id}?fields=…; nil fields → ProfileFields.
func (s *UsersService) Get(ctx context.Context, id string, fields []string) (*User, *Response, error) {
	p, err := nodePath(id)
	if err != nil {
		return nil, nil, err
	}
	return s.get(ctx, p, fieldsParam(fields, ProfileFields))
}

// Me reads GET /me?fields=…; nil fields → MeFields. With a Facebook Login
// token /me is the Facebook user, not an IG account: use Pages.ListAccounts.
func (s *UsersService) Me(ctx context.Context, fields []string) (*User, *Response, error) {
	return s.get(ctx, "/me", fieldsParam(fields, MeFields))
}

func (s *UsersService) get(ctx context.Context, path, fields string) (*User, *Response, error) {
	req := &Request{Method: http.MethodGet, Path: path, Params: url.Values{"fields": {fields}}}
	u := new(User)
	resp, err := s.client.Do(ctx, req, u)
	if err != nil {
		return nil, resp, err
	}
	return u, resp, nil
}
