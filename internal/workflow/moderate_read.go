package workflow

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Reading what a sweep may touch: the posts, their comments (replies
// nested), or the comments named by id.

// readPosts reads the comments (and replies) of the sweep's posts.
func (m *Moderator) readPosts(ctx context.Context, sw Sweep, r *Report) ([]Comment, error) {
	posts, username, err := m.posts(ctx, sw)
	if err != nil {
		return nil, err
	}
	var out []Comment
	for i, p := range posts {
		comments, err := m.readPost(ctx, p.ID, username, sw.IncludeReplies)
		if err != nil {
			return nil, &SweepReadError{What: "the comments of post " + p.ID, Err: err}
		}
		r.Posts++
		r.Read += len(comments)
		out = append(out, comments...)
		if every(len(posts), i) {
			m.emit(Progress{Operation: sw.Operation, Posts: len(posts), PostsRead: i + 1, Read: r.Read,
				Matched: countMatches(sw.Filter, out)})
		}
	}
	return out, nil
}

// postFields are what a sweep reads of posts given by id: the owner, to
// refuse others' posts, and the username, to know the account's comments.
var postFields = []string{"id", "owner", "username"}

// posts returns the sweep's posts and the account's username (to know its
// own comments), refusing posts of other accounts before anything is sent.
func (m *Moderator) posts(ctx context.Context, sw Sweep) ([]*graph.Media, string, error) {
	var posts []*graph.Media
	if len(sw.MediaIDs) == 0 {
		since := clock(m.Now).Add(-cmpOr(sw.Within, DefaultWithin))
		for media, err := range m.Client.Media.List(ctx, m.AccountID, graph.ListOptions{
			Fields: []string{"id", "username"}, Since: since, PageSize: 100,
		}) {
			if err != nil {
				return nil, "", &SweepReadError{What: "the account's posts", Err: err}
			}
			posts = append(posts, media)
		}
	} else {
		media, err := m.getMedia(ctx, sw.MediaIDs)
		if err != nil {
			return nil, "", err
		}
		var others []string
		owner := m.ownership()
		for _, id := range sw.MediaIDs {
			own, err := owner.owns(ctx, media[id])
			if err != nil {
				return nil, "", err
			}
			if !own {
				others = append(others, id)
			}
			posts = append(posts, media[id])
		}
		if len(others) > 0 {
			return nil, "", &NotOwnMediaError{AccountID: m.AccountID, MediaIDs: others}
		}
	}
	username := ""
	if len(posts) > 0 {
		username = posts[0].Username
	}
	return posts, username, nil
}

// getMedia reads posts by id, 50 a request; a post that cannot be read
// fails the sweep, naming it.
func (m *Moderator) getMedia(ctx context.Context, ids []string) (map[string]*graph.Media, error) {
	return getAll(ids, "post", func(chunk []string) (map[string]*graph.Media, error) {
		out, _, err := m.Client.Media.GetMany(ctx, chunk, postFields)
		return out, err
	}, func(id string) error {
		_, _, err := m.Client.Media.Get(ctx, id, []string{"id"})
		return err
	})
}

// getAll reads ids in multi-id requests. When one fails, the ids of that
// chunk are read one by one to name the one that cannot be read (Meta may
// fail the whole request for one id).
func getAll[T any](ids []string, what string, many func([]string) (map[string]*T, error), one func(string) error) (map[string]*T, error) {
	out := map[string]*T{}
	for chunk := range slices.Chunk(slices.Compact(slices.Sorted(slices.Values(ids))), graph.MaxIDsPerRequest) {
		got, err := many(chunk)
		if err == nil {
			for _, id := range chunk {
				if got[id] == nil {
					return nil, &SweepReadError{What: what + " " + id, Err: errors.New("not returned by Instagram")}
				}
			}
			maps.Copy(out, got)
			continue
		}
		for _, id := range chunk {
			if e := one(id); e != nil {
				return nil, &SweepReadError{What: what + " " + id, Err: e}
			}
		}
		return nil, &SweepReadError{What: what + "s " + strings.Join(chunk, ","), Err: err}
	}
	return out, nil
}

// readPost reads one post's comments page by page, with each comment's
// first page of replies nested, and the rest of the replies only for a
// comment that has more.
func (m *Moderator) readPost(ctx context.Context, mediaID, username string, replies bool) ([]Comment, error) {
	opts := graph.CommentListOptions{Fields: commentFields, PageSize: commentPageSize}
	if replies {
		opts.ReplyFields = commentFields
	}
	var out []Comment
	for {
		page, _, err := m.Client.Comments.ListPage(ctx, mediaID, opts)
		if err != nil {
			return nil, err
		}
		for _, c := range page.Items {
			out = append(out, m.comment(c, mediaID, username))
			if !replies {
				continue
			}
			for rc, err := range m.Client.Comments.AllReplies(ctx, c, graph.CommentListOptions{Fields: commentFields, PageSize: commentPageSize}) {
				if err != nil {
					return nil, err
				}
				out = append(out, m.comment(rc, mediaID, username))
			}
		}
		if page.After == "" {
			return out, nil
		}
		opts.After = page.After
	}
}

// readByID reads the sweep's comments by id and refuses, before anything is
// sent, comments on posts of other accounts.
func (m *Moderator) readByID(ctx context.Context, ids []string, r *Report) ([]Comment, error) {
	fields := append(slices.Clone(commentFields), "media")
	byID, err := getAll(ids, "comment", func(chunk []string) (map[string]*graph.Comment, error) {
		out, _, err := m.Client.Comments.GetMany(ctx, chunk, fields)
		return out, err
	}, func(id string) error {
		_, _, err := m.Client.Comments.Get(ctx, id, []string{"id"})
		return err
	})
	if err != nil {
		return nil, err
	}
	var mediaIDs []string
	for _, c := range byID {
		if c.Media == nil {
			return nil, &SweepReadError{What: "comment " + c.ID, Err: errors.New("no post given for it by Instagram")}
		}
		mediaIDs = append(mediaIDs, c.Media.ID)
	}
	media, err := m.getMedia(ctx, mediaIDs)
	if err != nil {
		return nil, err
	}
	var out []Comment
	var others []string
	owner := m.ownership()
	for _, id := range ids {
		c := byID[id]
		p := media[c.Media.ID]
		own, err := owner.owns(ctx, p)
		if err != nil {
			return nil, err
		}
		if !own {
			others = append(others, id)
			continue
		}
		if !slices.ContainsFunc(out, func(x Comment) bool { return x.ID == id }) {
			out = append(out, m.comment(c, p.ID, p.Username))
		}
	}
	if len(others) > 0 {
		return nil, &NotOwnMediaError{AccountID: m.AccountID, CommentIDs: others}
	}
	r.Read = len(out)
	return out, nil
}

func (m *Moderator) comment(c *graph.Comment, mediaID, username string) Comment {
	own := c.User != nil && c.User.ID == m.AccountID || username != "" && strings.EqualFold(c.Username, username)
	return Comment{ID: c.ID, MediaID: mediaID, ParentID: c.ParentID, Username: c.Username, Text: c.Text, Hidden: c.IsHidden(), Own: own}
}

// ownership decides whether posts are the account's. Meta returns a post's
// `owner` only to the app that created it
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media):
// a post made in the Instagram app carries only its `username`, which is
// then compared with the account's, read once.
type ownership struct {
	m        *Moderator
	username string
	read     bool
}

func (m *Moderator) ownership() *ownership { return &ownership{m: m} }

func (o *ownership) owns(ctx context.Context, p *graph.Media) (bool, error) {
	if p.Owner != nil && p.Owner.ID != "" {
		return p.Owner.ID == o.m.AccountID, nil
	}
	if !o.read {
		u, _, err := o.m.Client.Users.Get(ctx, o.m.AccountID, []string{"username"})
		if err != nil {
			return false, &SweepReadError{What: "the account's username", Err: err}
		}
		o.username, o.read = u.Username, true
	}
	return p.Username != "" && strings.EqualFold(p.Username, o.username), nil
}
