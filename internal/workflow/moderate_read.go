package workflow

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Reading what a sweep may touch: the posts, their comments (replies
// nested), or the comments named by id. Posts and comments named by id are
// read one node each, several at once (graph.ReadEach), with what the sweep
// needs next nested in the same call: a post's first page of comments, a
// comment's post. Apps created since 2026-11-04 cannot send the multi-ID
// read (GET /?ids=a,b) that did this before, and Meta metered each of its
// ids as a call anyway.

// post is a post a sweep reads, with the first page of its comments when
// the same call brought it (posts named by id).
type post struct {
	*graph.Media
	first *graph.NestedComments
}

// readPosts reads the comments (and replies) of the sweep's posts.
func (m *Moderator) readPosts(ctx context.Context, sw Sweep, r *Report) ([]Comment, error) {
	posts, username, err := m.posts(ctx, sw)
	if err != nil {
		return nil, err
	}
	var out []Comment
	for i, p := range posts {
		comments, err := m.readPost(ctx, p, username, sw.IncludeReplies)
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
func (m *Moderator) posts(ctx context.Context, sw Sweep) ([]post, string, error) {
	var posts []post
	if len(sw.MediaIDs) == 0 {
		since := clock(m.Now).Add(-cmpOr(sw.Within, DefaultWithin))
		for media, err := range m.Client.Media.List(ctx, m.AccountID, graph.ListOptions{
			Fields: []string{"id", "username"}, Since: since, PageSize: 100,
		}) {
			if err != nil {
				return nil, "", &SweepReadError{What: "the account's posts", Err: err}
			}
			posts = append(posts, post{Media: media})
		}
	} else {
		media, err := readEach(ctx, sw.MediaIDs, "post", func(ctx context.Context, id string) (*graph.Media, error) {
			p, _, err := m.Client.Media.GetWithComments(ctx, id, postFields, m.commentOptions(sw.IncludeReplies))
			return p, err
		})
		if err != nil {
			return nil, "", err
		}
		var others []string
		owner := m.ownership()
		for _, id := range sw.MediaIDs {
			p := post{Media: media[id], first: media[id].Comments}
			own, err := owner.owns(ctx, p.Owner, p.Username)
			if err != nil {
				return nil, "", err
			}
			if !own {
				others = append(others, id)
			}
			if p.first == nil { // Graph leaves an empty edge out
				p.first = &graph.NestedComments{}
			}
			posts = append(posts, p)
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

// readEach reads nodes by id; a node that cannot be read fails the sweep,
// naming it.
func readEach[T any](ctx context.Context, ids []string, what string, read func(context.Context, string) (T, error)) (map[string]T, error) {
	got, failed, err := graph.ReadEach(ctx, ids, read)
	if err != nil {
		if failed == "" {
			return nil, &SweepReadError{What: what + "s", Err: err}
		}
		return nil, &SweepReadError{What: what + " " + failed, Err: err}
	}
	return got, nil
}

// commentOptions are a sweep's comment pages: commentPageSize comments, each
// with its first page of replies when the sweep includes them.
func (m *Moderator) commentOptions(replies bool) graph.CommentListOptions {
	opts := graph.CommentListOptions{Fields: commentFields, PageSize: commentPageSize}
	if replies {
		opts.ReplyFields = commentFields
	}
	return opts
}

// readPost reads one post's comments page by page (the first may have come
// with the post), with each comment's first page of replies nested, and the
// rest of the replies only for a comment that has more.
func (m *Moderator) readPost(ctx context.Context, p post, username string, replies bool) ([]Comment, error) {
	opts := m.commentOptions(replies)
	var out []Comment
	for {
		var page *graph.CommentPage
		if p.first != nil {
			page = &graph.CommentPage{Items: p.first.Data, After: p.first.After()}
			p.first = nil
		} else {
			var err error
			if page, _, err = m.Client.Comments.ListPage(ctx, p.ID, opts); err != nil {
				return nil, err
			}
		}
		for _, c := range page.Items {
			out = append(out, m.comment(c, p.ID, username))
			if !replies {
				continue
			}
			for rc, err := range m.Client.Comments.AllReplies(ctx, c, graph.CommentListOptions{Fields: commentFields, PageSize: commentPageSize}) {
				if err != nil {
					return nil, err
				}
				out = append(out, m.comment(rc, p.ID, username))
			}
		}
		if page.After == "" {
			return out, nil
		}
		opts.After = page.After
	}
}

// commentPostFields are what a sweep by comment ids reads of each comment's
// post, nested in the comment (media{…}): enough to refuse others' posts.
const commentPostFields = "media{id,owner,username}"

// readByID reads the sweep's comments by id, each with its post, and
// refuses, before anything is sent, comments on posts of other accounts.
func (m *Moderator) readByID(ctx context.Context, ids []string, r *Report) ([]Comment, error) {
	fields := append(slices.Clone(commentFields), commentPostFields)
	byID, err := readEach(ctx, ids, "comment", func(ctx context.Context, id string) (*graph.Comment, error) {
		c, _, err := m.Client.Comments.Get(ctx, id, fields)
		if err == nil && c.Media == nil {
			err = errors.New("no post given for it by Instagram")
		}
		return c, err
	})
	if err != nil {
		return nil, err
	}
	var out []Comment
	var others []string
	owner := m.ownership()
	for _, id := range ids {
		c := byID[id]
		own, err := owner.owns(ctx, c.Media.Owner, c.Media.Username)
		if err != nil {
			return nil, err
		}
		if !own {
			others = append(others, id)
			continue
		}
		if !slices.ContainsFunc(out, func(x Comment) bool { return x.ID == id }) {
			out = append(out, m.comment(c, c.Media.ID, c.Media.Username))
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

func (o *ownership) owns(ctx context.Context, owner *graph.MediaOwner, username string) (bool, error) {
	if owner != nil && owner.ID != "" {
		return owner.ID == o.m.AccountID, nil
	}
	if !o.read {
		u, _, err := o.m.Client.Users.Get(ctx, o.m.AccountID, []string{"username"})
		if err != nil {
			return false, &SweepReadError{What: "the account's username", Err: err}
		}
		o.username, o.read = u.Username, true
	}
	return username != "" && strings.EqualFold(username, o.username), nil
}
