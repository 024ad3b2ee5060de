package emulator

import "strings"

// The Graph API routes a request by the kind of object its first path
// segment names (an IG user, a media, a comment…), which only the state
// knows; the second segment is the edge. routes is the whole API surface:
// (method, kind, edge) → handler. A kind is either an object kind
// ("{ig-user-id}", resolved from the id by the state, access-checked by its
// resolver in objectKinds) or a literal root: the path segment itself
// ("ig_hashtag_search", "oauth"; "" is the root, GET /), which needs
// nothing but its rows. router.go dispatches from this table. The route key
// of a request (CallCount) is "METHOD /kind/edge", e.g.
// "POST /{ig-user-id}/media_publish" or "GET /oauth/access_token". The
// package comment (doc.go) lists these keys; TestRouteTableDocumented keeps
// the two equal.
//
// A new endpoint is a row here and a handler in the file of its concern;
// one whose requests carry no user token (the token endpoints, which
// authenticate themselves) goes in selfAuthRoutes instead.
var routes = []route{
	// Facebook login: the user behind the token (/me with a user token) and its Pages.
	{"GET", kindFBUser, "", (*Server).getFBUser},
	{"GET", kindFBUser, "accounts", (*Server).listPages},
	{"GET", kindPage, "", (*Server).getPage},
	{"GET", kindPage, "subscribed_apps", (*Server).listSubscribedApps},
	{"POST", kindPage, "subscribed_apps", (*Server).subscribeApp},
	{"DELETE", kindPage, "subscribed_apps", (*Server).unsubscribeApp},

	// IG user (/me with an Instagram-login token).
	{"GET", kindIGUser, "", (*Server).getIGUser},
	{"GET", kindIGUser, "media", (*Server).listMedia},
	{"POST", kindIGUser, "media", (*Server).createContainer},
	{"GET", kindIGUser, "stories", (*Server).listStories},
	{"POST", kindIGUser, "media_publish", (*Server).publishContainer},
	{"GET", kindIGUser, "content_publishing_limit", (*Server).publishingLimit},
	{"GET", kindIGUser, "insights", (*Server).accountInsights},
	{"GET", kindIGUser, "tags", (*Server).listTagged},
	{"POST", kindIGUser, "mentions", (*Server).replyToMention},
	{"GET", kindIGUser, "recently_searched_hashtags", (*Server).recentlySearchedHashtags},
	{"GET", kindIGUser, "subscribed_apps", (*Server).listSubscribedApps},
	{"POST", kindIGUser, "subscribed_apps", (*Server).subscribeApp},
	{"DELETE", kindIGUser, "subscribed_apps", (*Server).unsubscribeApp},
	{"GET", kindIGUser, "collaboration_invites", (*Server).listCollaborationInvites},
	{"POST", kindIGUser, "collaboration_invites", (*Server).respondToCollaboration},
	{"GET", kindIGUser, "collaborative_media", (*Server).listCollaborativeMedia},

	// Media containers and published media.
	{"GET", kindContainer, "", (*Server).getContainer},
	{"GET", kindMedia, "", (*Server).getMedia},
	{"POST", kindMedia, "", (*Server).updateMedia},
	{"DELETE", kindMedia, "", (*Server).deleteMedia},
	{"GET", kindMedia, "children", (*Server).listChildren},
	{"GET", kindMedia, "collaborators", (*Server).listCollaborators},
	{"GET", kindMedia, "poll_attachment", (*Server).pollAttachment},
	{"GET", kindMedia, "insights", (*Server).mediaInsights},
	{"GET", kindMedia, "comments", (*Server).listMediaComments},
	{"POST", kindMedia, "comments", (*Server).createComment},

	// Comments.
	{"GET", kindComment, "", (*Server).getComment},
	{"POST", kindComment, "", (*Server).hideComment},
	{"DELETE", kindComment, "", (*Server).deleteComment},
	{"GET", kindComment, "replies", (*Server).listReplies},
	{"POST", kindComment, "replies", (*Server).createReply},

	// Hashtag search (Facebook login).
	{"GET", "ig_hashtag_search", "", (*Server).hashtagSearch},
	{"GET", kindHashtag, "", (*Server).getHashtag},
	{"GET", kindHashtag, "top_media", (*Server).topMedia},
	{"GET", kindHashtag, "recent_media", (*Server).recentMedia},

	// Licensed audio search (Facebook login).
	{"GET", "ig_audio", "", (*Server).audioSearch},

	// App-level webhooks (app access token).
	{"GET", kindApp, "subscriptions", (*Server).listSubscriptions},
	{"POST", kindApp, "subscriptions", (*Server).subscribe},
	{"DELETE", kindApp, "subscriptions", (*Server).unsubscribe},

	// The multi-id read GET /?ids=a,b, for apps created before 2026-11-04
	// only (legacy.go).
	{"GET", kindRoot, "", (*Server).multiIDRead},
}

// selfAuthRoutes are the endpoints the router does not authenticate: their
// handlers check what they were sent themselves (the token endpoints,
// oauth.go: an Instagram-login token, client_secret, input_token; oEmbed,
// oembed.go: a token only when one is sent).
var selfAuthRoutes = []route{
	{"GET", "access_token", "", (*Server).exchangeInstagram},
	{"GET", "refresh_access_token", "", (*Server).refreshInstagram},
	{"GET", "oauth", "access_token", (*Server).exchangeFacebook},
	{"GET", "debug_token", "", (*Server).debugToken},
	{"GET", "instagram_oembed", "", (*Server).oembed},
}

// uploadRoutes are the upload host's (uploads.go), served under
// UploadPrefix outside the Graph table: its requests carry a video, not
// Graph parameters. Their route keys are "METHOD /ig-api-upload/{container-id}".
var uploadRoutes = []struct {
	method string
	handle func(*Server, *uploadRequest)
}{
	{"POST", (*Server).receiveUpload},
	{"GET", (*Server).uploadOffset},
}

func uploadRouteFor(method string) func(*Server, *uploadRequest) {
	for _, r := range uploadRoutes {
		if r.method == method {
			return r.handle
		}
	}
	return nil
}

// objectKind names what a path's first segment is. Its text is the one route
// keys use: "{…}" for an object found by its id, the segment itself for a
// literal root.
type objectKind string

// Object kinds, and the root.
const (
	kindRoot      objectKind = ""                // no path: GET /?ids=a,b
	kindMe        objectKind = "me"              // resolved by token to kindIGUser, kindPage or kindFBUser
	kindFBUser    objectKind = "{user-id}"       // Facebook user (Facebook login)
	kindPage      objectKind = "{page-id}"       // Facebook Page linked to an IG account
	kindIGUser    objectKind = "{ig-user-id}"    // IG professional account (its id or, Instagram login, its app-scoped id)
	kindContainer objectKind = "{container-id}"  // media container (not yet published)
	kindMedia     objectKind = "{ig-media-id}"   // published media or carousel child
	kindComment   objectKind = "{ig-comment-id}" // comment or reply
	kindHashtag   objectKind = "{ig-hashtag-id}"
	kindApp       objectKind = "{app-id}" // the seeded app
	kindUnknown   objectKind = "{unknown}"

	// The upload host (uploads.go).
	kindUpload objectKind = "ig-api-upload/{container-id}"
)

// literal reports a literal root (or the root itself): a kind that names no
// object, so there is nothing to find or access-check before its handler.
func (k objectKind) literal() bool { return !strings.HasPrefix(string(k), "{") }

// objectKinds resolve an object kind's id: resolve finds the object and
// checks that the token may see it (and any rule the kind applies before it
// looks at the edge). kindOf (router.go) tells the kind of an id.
var objectKinds = map[objectKind]func(s *Server, req *request, id, edge string) (*target, *apiError){
	kindFBUser:    (*Server).resolveFBUser,
	kindPage:      (*Server).resolvePage,
	kindIGUser:    (*Server).resolveIGUser,
	kindContainer: (*Server).resolveContainer,
	kindMedia:     (*Server).resolveMedia,
	kindComment:   (*Server).resolveComment,
	kindHashtag:   (*Server).resolveHashtag,
	kindApp:       (*Server).resolveApp,
	kindUnknown:   (*Server).resolveUnknown,
}

// edgeChecks run on a known edge before its method is looked at, because
// Meta answers them first (e.g. a Facebook-login token on the IG user's
// subscribed_apps gets "unknown path", whatever the method).
var edgeChecks = map[kindEdge]func(req *request, edge string) *apiError{
	{kindIGUser, "subscribed_apps"}:            instagramLoginOnly, // with Facebook login the edge lives on the Page
	{kindIGUser, "recently_searched_hashtags"}: facebookLoginOnly,
	{kindMedia, "collaborators"}:               facebookLoginOnly,
	{kindMedia, "poll_attachment"}:             facebookLoginOnly,
	{kindIGUser, "collaboration_invites"}:      facebookLoginOnly,
	{kindIGUser, "collaborative_media"}:        facebookLoginOnly,
	{kindPage, "subscribed_apps"}:              pageTokenOnly,
	{kindApp, "subscriptions"}:                 appTokenOnly,
}

type route struct {
	method string
	kind   objectKind
	edge   string
	handle handler
}

// handler serves one route for the object resolved from the path.
type handler func(s *Server, req *request, t *target) (any, *apiError)

type kindEdge struct {
	kind objectKind
	edge string
}

// key is the route key CallCount counts requests under.
func (r route) key() string { return routeKeyOf(r.method, r.kind, r.edge) }

func routeKeyOf(method string, kind objectKind, rest ...string) string {
	key := method + " /" + string(kind)
	for _, seg := range rest {
		if seg != "" {
			key += "/" + seg
		}
	}
	return key
}

// routeIndex, knownEdges, literalRoots and selfAuth index the tables for
// dispatch. They are built once by init (handlers refer back to the
// dispatcher, so they cannot be initialized in their declaration) and never
// change.
var (
	routeIndex   map[string]handler
	knownEdges   map[kindEdge]bool
	literalRoots map[string]bool     // first path segments that are literal roots
	selfAuth     map[objectKind]bool // kinds of selfAuthRoutes
)

func init() {
	routeIndex, knownEdges = map[string]handler{}, map[kindEdge]bool{}
	literalRoots, selfAuth = map[string]bool{}, map[objectKind]bool{}
	for _, r := range selfAuthRoutes {
		selfAuth[r.kind] = true
	}
	for _, r := range routes {
		if selfAuth[r.kind] {
			panic("emulator: " + r.key() + " is a route of a self-authenticating root")
		}
	}
	for _, r := range allRoutes() {
		if routeIndex[r.key()] != nil {
			panic("emulator: duplicate route " + r.key())
		}
		routeIndex[r.key()] = r.handle
		knownEdges[kindEdge{r.kind, r.edge}] = true
		switch {
		case r.kind.literal():
			literalRoots[string(r.kind)] = r.kind != kindRoot
		case selfAuth[r.kind]:
			panic("emulator: self-authenticating routes are literal roots: " + r.key())
		case objectKinds[r.kind] == nil:
			panic("emulator: no resolver in objectKinds for " + r.key())
		}
	}
}

// allRoutes is the route table in the order doc.go lists it.
func allRoutes() []route { return append(append([]route(nil), routes...), selfAuthRoutes...) }

// target is the object a request's path names, found and access-checked by
// its kind's resolve. Only the members of its kind are set.
type target struct {
	kind      objectKind
	account   *Account // IG user, and the IG account a Page is linked to
	shownID   string   // IG user: the id the node answers with
	pageID    string
	fbUserID  string
	container *container
	media     *media // media, and the commented media of a comment
	comment   *comment
	hashtagID string
}

func instagramLoginOnly(req *request, edge string) *apiError {
	if req.tok.kind != tokenInstagram {
		return errUnknownPath("/" + edge)
	}
	return nil
}

func facebookLoginOnly(req *request, edge string) *apiError {
	if req.tok.kind == tokenInstagram {
		return errUnknownPath("/" + edge)
	}
	return nil
}

func pageTokenOnly(req *request, _ string) *apiError {
	if req.tok.kind != tokenPage {
		return oauthErr(210, 0, "(#210) A page access token is required to request this resource.")
	}
	return nil
}

func appTokenOnly(req *request, _ string) *apiError {
	if req.tok.kind != tokenApp {
		return oauthErr(15, 0, "(#15) This method must be called with an app access_token.")
	}
	return nil
}
