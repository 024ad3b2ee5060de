package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Collaboration, Facebook login only
// (https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-facebook-login/collaboration,
// updated 2026-04-22):
//
//	GET  /{ig-user-id}/collaboration_invites      the account's pending invites (limit 10 by default)
//	POST /{ig-user-id}/collaboration_invites      media_id, accept: accept or decline one
//	GET  /{ig-user-id}/collaborative_media        posts of others on which it is an accepted collaborator
//	GET  /{ig-media-id}/collaborators             the owner's view: each invitee's invite_status
//
// An invite is a post whose collaborators name the account: another user's
// (OtherPost.Collaborators, and two seeded ones) or another seeded
// account's, made through the API. Its status is Pending until the invitee
// answers through the API, or "in the app" (SetCollaboratorStatus). Each
// IG user may make 300 GET and 50 POST calls to collaboration_invites per
// 24 hours (Options.CollaborationInviteReads, CollaborationResponses); the
// error past them is undocumented (Options.CollaborationLimitError).

// Invite statuses as the collaborators edge spells them.
const (
	invitePending  = "Pending"
	inviteAccepted = "Accepted"
	inviteDeclined = "Declined"
)

// defaultInvitePage is the documented default limit of collaboration_invites.
const defaultInvitePage = 10

// collaborativeMediaFields are the fields the collaboration page allows on
// collaborative media.
var collaborativeMediaFields = fieldSet("id", "caption", "comments_count", "like_count", "media_product_type", "media_type",
	"media_url", "permalink", "thumbnail_url", "username", "timestamp", "total_like_count", "total_comments_count",
	"reposts_count", "saved_count", "shares_count", "total_views_count")

// collaborators are a post's invited usernames.
func (p mentionedPost) collaborators() []string {
	if p.own != nil {
		return p.own.collaborators
	}
	return p.other.collaborators
}

// invited reports whether the post invites username.
func (p mentionedPost) invited(username string) bool {
	return slices.ContainsFunc(p.collaborators(), func(u string) bool { return strings.EqualFold(u, username) })
}

// statuses is the post's map of answered invites, by lower-case username.
func (p mentionedPost) statuses() *map[string]string {
	if p.own != nil {
		return &p.own.collabStatus
	}
	return &p.other.collabStatus
}

// inviteStatus is username's answer to the post's invite.
func (p mentionedPost) inviteStatus(username string) string {
	if st := (*p.statuses())[strings.ToLower(username)]; st != "" {
		return st
	}
	return invitePending
}

func (p mentionedPost) setInviteStatus(username, status string) {
	m := p.statuses()
	if *m == nil {
		*m = map[string]string{}
	}
	(*m)[strings.ToLower(username)] = status
}

func (s *Server) postOwner(p mentionedPost) string {
	if p.own != nil {
		return s.st.accounts[p.own.accountID].Username
	}
	return p.other.owner.username
}

func (s *Server) postMediaURL(p mentionedPost) string {
	if p.own == nil {
		if p.other.mediaType == mediaCarouselAlbum && len(p.other.children) > 0 {
			return p.other.children[0].mediaURL()
		}
		return p.other.mediaURL()
	}
	if p.own.mediaType == mediaCarouselAlbum && len(p.own.children) > 0 {
		return s.st.media[p.own.children[0]].mediaURL()
	}
	return p.own.mediaURL()
}

func (p mentionedPost) timestamp() time.Time {
	if p.own != nil {
		return p.own.timestamp
	}
	return p.other.timestamp
}

// collaborations lists, newest first, the posts by others (other users, or
// other seeded accounts) that invited account a and whose invite it
// answered with status.
func (s *Server) collaborations(a *Account, status string) []mentionedPost {
	var out []mentionedPost
	for _, w := range s.others().media {
		p := mentionedPost{other: w}
		if p.invited(a.Username) && p.inviteStatus(a.Username) == status {
			out = append(out, p)
		}
	}
	for _, m := range s.st.published {
		p := mentionedPost{own: m}
		if m.accountID != a.ID && s.visible(m) && !m.isStory() && p.invited(a.Username) && p.inviteStatus(a.Username) == status {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(x, y mentionedPost) int { return y.timestamp().Compare(x.timestamp()) })
	return out
}

// collaborationKeys are the sort keys of a list: its order, descending.
func collaborationKeys(posts []mentionedPost) []int64 {
	keys := make([]int64, len(posts))
	for i := range posts {
		keys[i] = -int64(i)
	}
	return keys
}

// countCollaborationCall meters a call of the account to
// collaboration_invites against its daily cap.
func (s *Server) countCollaborationCall(calls map[string][]time.Time, accountID string, limit int, what string) *apiError {
	now := s.now()
	recent := pruneWindow(calls[accountID], now, 24*time.Hour)
	if len(recent) >= limit {
		calls[accountID] = recent
		if e := s.opts.CollaborationLimitError; e != nil {
			return &apiError{status: http.StatusBadRequest, body: *e}
		}
		// A placeholder that no client takes for an app-wide throttle (code 4
		// would be one): Meta's answer is undocumented (uncertain).
		return userErr(9, 0, fmt.Sprintf("(#9) Limit reached: at most %d %s of collaboration invites per Instagram account in 24 hours", limit, what),
			"Limit reached", fmt.Sprintf("This account made %d %s of collaboration invites in the last 24 hours. Please try again later.", limit, what))
	}
	calls[accountID] = append(recent, now)
	return nil
}

// listCollaborationInvites is GET /{ig-user-id}/collaboration_invites.
func (s *Server) listCollaborationInvites(req *request, t *target) (any, *apiError) {
	a := t.account
	if err := s.countCollaborationCall(s.st.inviteReads, a.ID, s.opts.CollaborationInviteReads, "reads"); err != nil {
		return nil, err
	}
	pr, err := pageReqFromParams(req.param, s.opts.MaxPageSize)
	if err != nil {
		return nil, err
	}
	if v, _ := req.param("limit"); v == "" {
		pr.limit = defaultInvitePage
	}
	posts := s.collaborations(a, invitePending)
	keys := collaborationKeys(posts)
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, p := range posts[start:end] {
		item := map[string]any{"media_id": p.id(), "media_owner_username": s.postOwner(p), "media_url": s.postMediaURL(p)}
		if c := p.caption(); c != "" {
			item["caption"] = c
		}
		data = append(data, item)
	}
	return pageResponse(req, data, keys[start:end], hasPrev, hasNext, req.prefixlessPath()), nil
}

// respondToCollaboration is POST /{ig-user-id}/collaboration_invites?media_id=…&accept=true|false.
func (s *Server) respondToCollaboration(req *request, t *target) (any, *apiError) {
	a := t.account
	if err := s.countCollaborationCall(s.st.inviteResponses, a.ID, s.opts.CollaborationResponses, "responses"); err != nil {
		return nil, err
	}
	mediaID, _ := req.param("media_id")
	if mediaID == "" {
		return nil, errMissingParam("media_id")
	}
	raw, ok := req.param("accept")
	if !ok || raw == "" {
		return nil, errMissingParam("accept")
	}
	accept, ok := parseBool(raw)
	if !ok {
		return nil, errParam("Param accept must be a boolean")
	}
	p, found := s.findPost(mediaID)
	if !found || p.own != nil && p.own.accountID == a.ID || !p.invited(a.Username) || p.inviteStatus(a.Username) != invitePending {
		// Undocumented refusal (uncertain).
		return nil, errParam("There is no pending collaboration invite for media %s", mediaID)
	}
	status := inviteDeclined
	if accept {
		status = inviteAccepted
	}
	p.setInviteStatus(a.Username, status)
	return map[string]any{"success": true}, nil
}

// listCollaborativeMedia is GET /{ig-user-id}/collaborative_media.
func (s *Server) listCollaborativeMedia(req *request, t *target) (any, *apiError) {
	fs, pr, err := req.listParams(s.opts.MaxPageSize)
	if err != nil {
		return nil, err
	}
	posts := s.collaborations(t.account, inviteAccepted)
	keys := collaborationKeys(posts)
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, p := range posts[start:end] {
		var node map[string]any
		if p.own != nil {
			node, err = s.renderAllowedMedia(req, p.own, fs, collaborativeMediaFields)
		} else {
			node, err = renderOtherMedia(p.other, fs, collaborativeMediaFields)
		}
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	return pageResponse(req, data, keys[start:end], hasPrev, hasNext, req.prefixlessPath()), nil
}

// renderAllowedMedia renders a seeded account's media for another account,
// within a context's field set.
func (s *Server) renderAllowedMedia(req *request, m *media, fs []field, allowed map[string]bool) (map[string]any, *apiError) {
	for _, f := range fs {
		if !allowed[f.Name] {
			if knownMediaFields[f.Name] {
				return nil, errNoPermission()
			}
			return nil, errNonexistingField(f.Name, "IGMedia")
		}
	}
	return s.renderMedia(req, m, fs)
}

// listCollaborators is GET /{ig-media-id}/collaborators, Facebook login only
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/collaborators):
// every invited username with its invite_status.
func (s *Server) listCollaborators(_ *request, t *target) (any, *apiError) {
	p := mentionedPost{own: t.media}
	data := []any{}
	for _, u := range t.media.collaborators {
		data = append(data, map[string]any{"id": s.userIDOf(u), "username": u, "invite_status": p.inviteStatus(u)})
	}
	return map[string]any{"data": data}, nil
}

// userIDOf is the IG user id of a username: a seeded account's, another
// user's, or a stable made-up one.
func (s *Server) userIDOf(username string) string {
	for _, id := range s.st.order {
		if a := s.st.accounts[id]; strings.EqualFold(a.Username, username) {
			return a.ID
		}
	}
	if u := s.others().byUsername[strings.ToLower(username)]; u != nil {
		return u.id
	}
	return strconv.FormatInt(legacyID("collab:"+username), 10)
}

// CollaboratorStatus is an invitee's answer, set "in the app".
type CollaboratorStatus struct {
	MediaID  string `json:"media_id"`
	Username string `json:"username"`
	Status   string `json:"status"` // Pending, Accepted or Declined
}

// SetCollaboratorStatus records an invitee's answer to a post's invite as
// if given in the Instagram app: the owner's collaborators edge and the
// invitee's invites and collaborative media follow it.
func (s *Server) SetCollaboratorStatus(c CollaboratorStatus) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.Contains([]string{invitePending, inviteAccepted, inviteDeclined}, c.Status) {
		return fmt.Errorf("status must be %s, %s or %s, not %q", invitePending, inviteAccepted, inviteDeclined, c.Status)
	}
	p, ok := s.findPost(c.MediaID)
	if !ok || !p.invited(c.Username) {
		return fmt.Errorf("media %s does not invite %q", c.MediaID, c.Username)
	}
	p.setInviteStatus(c.Username, c.Status)
	return nil
}

// controlCollaborator is POST /_emulator/collaborators, JSON CollaboratorStatus.
func (s *Server) controlCollaborator(w http.ResponseWriter, r *http.Request, _ string) {
	var c CollaboratorStatus
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		controlError(w, http.StatusBadRequest, "invalid collaborator JSON: "+err.Error())
		return
	}
	if err := s.SetCollaboratorStatus(c); err != nil {
		controlError(w, http.StatusBadRequest, err.Error())
		return
	}
	controlOK(w)
}

// InviteStatus is username's answer to the invite of post mediaID
// (Pending, Accepted or Declined); false when the post does not invite
// username.
func (s *Server) InviteStatus(mediaID, username string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.findPost(mediaID)
	if !ok || !p.invited(username) {
		return "", false
	}
	return p.inviteStatus(username), true
}
