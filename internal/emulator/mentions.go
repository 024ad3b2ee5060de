package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// @mentions (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/mentions):
// another Instagram user @mentions a seeded account in a caption or in a
// comment; Meta sends the account a `mentions` webhook with the media id (and
// the comment id); the account reads what was written through the
// mentioned_media and mentioned_comment fields of its IG user, and answers
// with POST /{ig-user-id}/mentions. Meta keeps no list of mentions.
//
// The rules applied, from the reference pages of those three:
//   - mentions on stories are not supported (no webhook, no reading, no reply);
//   - commenting on a post in which the account was only photo-tagged is not
//     supported;
//   - no webhook when the post's owner is a private account;
//   - captions read through mentioned_media lose their @ (the IG Media
//     reference: "captions don't include the @ symbol unless the app user
//     can also perform admin-equivalent tasks");
//   - mentioned_comment answers an error when the post's comments are off,
//     and so does a reply.
// Meta does not document the errors for the refusals (uncertain):
// Options.MentionRefusedError replaces the defaults (code 100, a message
// naming the rule).

// OtherPost is a post by another Instagram user, as if posted in the app.
type OtherPost struct {
	Username         string   `json:"username"` // the author; default "some_user". A new name is a new public account
	Caption          string   `json:"caption"`  // @mentions of seeded accounts fire `mentions` webhooks
	Type             string   `json:"type"`     // FEED (default), REELS or STORY
	Tagged           []string `json:"tagged"`   // usernames photo-tagged on the post (not mentioned)
	CommentsDisabled bool     `json:"comments_disabled"`
	Private          bool     `json:"private"` // the author's account is private: no webhooks
	// Collaborators are usernames invited to co-author the post: a seeded
	// account's invite is pending (collaboration.go). Not on stories.
	Collaborators []string `json:"collaborators"`
	// AgeRestricted and EmbedsDisabled make oEmbed refuse the post (oembed.go).
	AgeRestricted  bool `json:"age_restricted"`
	EmbedsDisabled bool `json:"embeds_disabled"` // the author turned embedding off
}

// PostByOtherUser publishes p for another user at the emulator clock and
// returns its media id. Like every post of others, it cannot be read by id:
// only through mentioned_media (when its caption @mentions the account),
// hashtag search, business discovery or /tags.
func (s *Server) PostByOtherUser(p OtherPost) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.others()
	product, mediaType := productFeed, mediaImage
	switch strings.ToUpper(p.Type) {
	case "", productFeed:
	case productReels:
		product, mediaType = productReels, mediaVideo
	case productStory:
		product = productStory
	default:
		return "", fmt.Errorf("type must be FEED, REELS or STORY, not %q", p.Type)
	}
	if product == productStory && len(p.Collaborators) > 0 {
		return "", fmt.Errorf("stories take no collaborators")
	}
	name := strings.ToLower(strings.TrimPrefix(p.Username, "@"))
	if name == "" {
		name = "some_user"
	}
	u := w.byUsername[name]
	if u == nil {
		u = &otherUser{id: fmt.Sprintf("178414019%08d", len(w.users)+1), username: name, name: name, accountType: "PERSONAL"}
		w.users = append(w.users, u)
		w.byUsername[name] = u
	}
	u.private, u.embedsDisabled = p.Private, p.EmbedsDisabled
	m := &otherMedia{
		id: w.newID(), owner: u, mediaType: mediaType, productType: product, caption: p.Caption,
		timestamp: s.now(), tagged: p.Tagged, hashtags: captionHashtags(p.Caption), commentsDisabled: p.CommentsDisabled,
		collaborators: p.Collaborators, ageRestricted: p.AgeRestricted,
	}
	w.byID[m.id] = m
	if product != productStory {
		// Newest first, as hashtag search, discovery and /tags list them.
		w.media = append([]*otherMedia{m}, w.media...)
		u.media = append([]*otherMedia{m}, u.media...)
		for _, h := range m.hashtags {
			w.hashtagID(h)
		}
	}
	for _, id := range s.mentionedAccounts(m.caption, "") {
		if product != productStory && !u.private {
			s.emit(id, "mentions", map[string]any{"media_id": m.id})
		}
	}
	return m.id, nil
}

// editOthersPost applies edit to another user's top-level post and reports
// whether there was one.
func (s *Server) editOthersPost(id string, edit func(*otherMedia)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.others().byID[id]
	if w == nil || w.isChild {
		return false
	}
	edit(w)
	return true
}

// addOthersComment stores a comment on another user's post and sends
// `mentions` to the seeded accounts it @mentions (but not to its author).
func (s *Server) addOthersComment(w *otherMedia, parentID, text string, author *Account, otherUser string) *comment {
	c := s.storeComment(w.id, parentID, text, author, otherUser)
	self := ""
	if author != nil {
		self = author.ID
	}
	for _, id := range s.mentionedAccounts(text, self) {
		if !w.owner.private {
			s.emit(id, "mentions", map[string]any{"media_id": w.id, "comment_id": c.id})
		}
	}
	return c
}

// mentionedPost is a post as the mentions endpoints see it: another user's
// (other) or one of another seeded account (own).
type mentionedPost struct {
	other *otherMedia
	own   *media
}

// findPost finds a top-level post by id among others' posts and the seeded
// accounts' live media.
func (s *Server) findPost(id string) (mentionedPost, bool) {
	if m := s.st.media[id]; m != nil && s.visible(m) && m.parentID == "" {
		return mentionedPost{own: m}, true
	}
	if w := s.others().byID[id]; w != nil && !w.isChild {
		return mentionedPost{other: w}, true
	}
	return mentionedPost{}, false
}

func (p mentionedPost) id() string {
	if p.own != nil {
		return p.own.id
	}
	return p.other.id
}

func (p mentionedPost) caption() string {
	if p.own != nil {
		return p.own.caption
	}
	return p.other.caption
}

func (p mentionedPost) story() bool {
	if p.own != nil {
		return p.own.isStory()
	}
	return p.other.productType == productStory
}

func (p mentionedPost) commentsOff() bool {
	if p.own != nil {
		return !p.own.commentsEnabled
	}
	return p.other.commentsDisabled
}

func (p mentionedPost) private() bool { return p.other != nil && p.other.owner.private }

func (p mentionedPost) tags(username string) bool {
	if p.own != nil {
		for _, t := range p.own.userTags {
			if strings.EqualFold(t.Username, username) {
				return true
			}
		}
		return false
	}
	for _, t := range p.other.tagged {
		if strings.EqualFold(t, username) {
			return true
		}
	}
	return false
}

// mentions reports whether text @mentions username.
func mentions(text, username string) bool {
	for _, m := range mentionNameRe.FindAllStringSubmatch(text, -1) {
		if strings.EqualFold(m[1], username) {
			return true
		}
	}
	return false
}

// mentionedMediaFields are the fields of mentioned_media
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_media).
// owner is a valid field but only answered to the post's owner: left out.
var mentionedMediaFields = fieldSet("id", "caption", "comments", "comments_count", "like_count", "media_type",
	"media_url", "owner", "timestamp", "username")

// mentionedCommentFields are the fields of mentioned_comment
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment).
var mentionedCommentFields = fieldSet("id", "like_count", "media", "text", "timestamp")

// commentFields are the IG Comment fields renderComment knows: outside
// mentionedCommentFields they are refused with (#10).
var commentFields = fieldSet("id", "text", "timestamp", "username", "from", "like_count", "hidden", "media",
	"parent_id", "user", "legacy_instagram_comment_id", "replies")

// errMentionRefused is the answer to a request the mentions rules refuse;
// Options.MentionRefusedError replaces it.
func (s *Server) errMentionRefused(format string, args ...any) *apiError {
	if e := s.opts.MentionRefusedError; e != nil {
		return &apiError{status: http.StatusBadRequest, body: *e}
	}
	return errParam(format, args...)
}

// checkMentionFields refuses the mentioned_* fields with Instagram login
// when Options.MentionedFieldsNeedFacebookLogin says so.
func (s *Server) checkMentionFields(req *request, f field) *apiError {
	if s.opts.MentionedFieldsNeedFacebookLogin && req.tok.kind == tokenInstagram {
		return errNonexistingField(f.Name, "IGUser")
	}
	return nil
}

// mentionedMedia renders mentioned_media.media_id(id){fields} for account a.
func (s *Server) mentionedMedia(req *request, a *Account, f field) (any, *apiError) {
	if err := s.checkMentionFields(req, f); err != nil {
		return nil, err
	}
	id, _ := f.mod("media_id")
	if id == "" {
		return nil, errMissingParam("media_id")
	}
	p, err := s.postMentioning(a, id, true)
	if err != nil {
		return nil, err
	}
	return s.renderMentionedPost(req, p, f.Sub)
}

// postMentioning finds the post of another user that id names, where
// account a may have been @mentioned: not a story, not a private account's;
// with inCaption, its caption must @mention a.
func (s *Server) postMentioning(a *Account, id string, inCaption bool) (mentionedPost, *apiError) {
	p, ok := s.findPost(id)
	switch {
	case !ok || p.private() || p.own != nil && p.own.accountID == a.ID:
		return p, s.errMentionRefused("Media %s is not a post in which the account was @mentioned", id)
	case p.story():
		return p, s.errMentionRefused("Mentions on Stories are not supported")
	case inCaption && !mentions(p.caption(), a.Username):
		if p.tags(a.Username) {
			return p, s.errMentionRefused("Commenting on media in which the account was only tagged is not supported")
		}
		return p, s.errMentionRefused("The caption of media %s does not @mention the account", id)
	}
	return p, nil
}

// renderMentionedPost projects another user's post; default field: id.
func (s *Server) renderMentionedPost(req *request, p mentionedPost, fs []field) (map[string]any, *apiError) {
	out := map[string]any{"id": p.id()}
	for _, f := range fs {
		if !mentionedMediaFields[f.Name] {
			if knownMediaFields[f.Name] {
				return nil, errNoPermission()
			}
			return nil, errNonexistingField(f.Name, "IGMedia")
		}
		switch f.Name {
		case "caption":
			if c := strings.ReplaceAll(p.caption(), "@", ""); c != "" {
				out["caption"] = c
			}
		case "comments":
			data := []any{}
			for i := len(s.st.comments.all) - 1; i >= 0; i-- {
				c := s.st.comments.all[i]
				if c.mediaID == p.id() && c.parentID == "" && !c.deleted {
					node, err := s.renderComment(req, c, f.Sub, true)
					if err != nil {
						return nil, err
					}
					data = append(data, node)
				}
			}
			out["comments"] = map[string]any{"data": data}
		case "comments_count":
			out["comments_count"] = s.othersCommentsCount(p)
		case "id", "owner":
		default:
			// The remaining fields read the same on anyone's post.
			var node map[string]any
			var err *apiError
			if p.own != nil {
				node, err = s.renderMedia(req, p.own, []field{f})
			} else {
				node, err = renderOtherMedia(p.other, []field{f}, mentionedMediaFields)
			}
			if err != nil {
				return nil, err
			}
			if v, ok := node[f.Name]; ok {
				out[f.Name] = v
			}
		}
	}
	return out, nil
}

// othersCommentsCount is the comments_count of another user's post: its
// seeded count plus the comments written in the emulator.
func (s *Server) othersCommentsCount(p mentionedPost) int {
	if p.own != nil {
		return s.commentsCount(p.own.id)
	}
	return p.other.comments + s.commentsCount(p.other.id)
}

// mentionedComment renders mentioned_comment.comment_id(id){fields}.
func (s *Server) mentionedComment(req *request, a *Account, f field) (any, *apiError) {
	if err := s.checkMentionFields(req, f); err != nil {
		return nil, err
	}
	id, _ := f.mod("comment_id")
	if id == "" {
		return nil, errMissingParam("comment_id")
	}
	c, p, err := s.mentioningComment(a, id)
	if err != nil {
		return nil, err
	}
	if p.commentsOff() {
		return nil, errCommentsDisabled()
	}
	out := map[string]any{"id": c.id}
	for _, sf := range f.Sub {
		if !mentionedCommentFields[sf.Name] {
			if commentFields[sf.Name] {
				return nil, errNoPermission()
			}
			return nil, errNonexistingField(sf.Name, "IGComment")
		}
		switch sf.Name {
		case "media":
			node, err := s.renderMentionedPost(req, p, sf.Sub)
			if err != nil {
				return nil, err
			}
			out["media"] = node
		case "id":
		default:
			node, err := s.renderComment(req, c, []field{sf}, false)
			if err != nil {
				return nil, err
			}
			out[sf.Name] = node[sf.Name]
		}
	}
	return out, nil
}

// mentioningComment finds a live comment by someone else that @mentions
// account a, and the post it is on.
func (s *Server) mentioningComment(a *Account, id string) (*comment, mentionedPost, *apiError) {
	c := s.st.comments.byID[id]
	if c == nil || c.deleted || c.byAccount == a.ID || !mentions(c.text, a.Username) {
		return nil, mentionedPost{}, s.errMentionRefused("Comment %s is not a comment in which the account was @mentioned", id)
	}
	p, ok := s.findPost(c.mediaID)
	if !ok || p.private() {
		return nil, mentionedPost{}, s.errMentionRefused("Comment %s is not a comment in which the account was @mentioned", id)
	}
	return c, p, nil
}

// replyToMention is POST /{ig-user-id}/mentions?media_id=…[&comment_id=…]&message=…
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions):
// a comment by the account on a post whose caption @mentions it, or a reply
// to a comment that @mentions it.
func (s *Server) replyToMention(req *request, t *target) (any, *apiError) {
	a := t.account
	mediaID, _ := req.param("media_id")
	if mediaID == "" {
		return nil, errMissingParam("media_id")
	}
	commentID, _ := req.param("comment_id")
	p, err := s.postMentioning(a, mediaID, commentID == "")
	if err != nil {
		return nil, err
	}
	parentID := ""
	if commentID != "" {
		c, cp, err := s.mentioningComment(a, commentID)
		if err != nil {
			return nil, err
		}
		if cp.id() != mediaID {
			return nil, s.errMentionRefused("Comment %s is not on media %s", commentID, mediaID)
		}
		parentID = s.topComment(c).id
	}
	if p.commentsOff() {
		return nil, errCommentsDisabled()
	}
	text, err := s.commentMessage(req)
	if err != nil {
		return nil, err
	}
	var c *comment
	if p.own != nil {
		c = s.addComment(p.own, parentID, text, a, "")
	} else {
		c = s.addOthersComment(p.other, parentID, text, a, "")
	}
	return map[string]any{"id": c.id}, nil
}

// controlOthersPost is POST /_emulator/others/posts, JSON OtherPost:
// PostByOtherUser.
func (s *Server) controlOthersPost(w http.ResponseWriter, r *http.Request, _ string) {
	var p OtherPost
	if !decodeControlJSON(w, r, "post JSON", &p) {
		return
	}
	id, err := s.PostByOtherUser(p)
	if err != nil {
		controlError(w, http.StatusBadRequest, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id})
}
