package emulator

// The Graph API routes a request by the kind of object its first path
// segment names (an IG user, a media, a comment…), which only the state
// knows; the second segment is the edge. routes is the whole API surface:
// (method, object kind, edge) → handler. router.go resolves the kind,
// checks access (objectKinds) and dispatches from this table. The route key
// of a request (CallCount) is "METHOD /{kind}/edge", e.g.
// "POST /{ig-user-id}/media_publish". The package comment (doc.go) lists
// these keys; TestRouteTableDocumented keeps the two equal.
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
	{"GET", kindHashtagSearch, "", (*Server).hashtagSearch},
	{"GET", kindHashtag, "", (*Server).getHashtag},
	{"GET", kindHashtag, "top_media", (*Server).topMedia},
	{"GET", kindHashtag, "recent_media", (*Server).recentMedia},

	// Licensed audio search (Facebook login) and oEmbed (no token needed).
	{"GET", kindAudioSearch, "", (*Server).audioSearch},
	{"GET", kindOEmbed, "", (*Server).oembed},

	// App-level webhooks (app access token).
	{"GET", kindApp, "subscriptions", (*Server).listSubscriptions},
	{"POST", kindApp, "subscriptions", (*Server).subscribe},
	{"DELETE", kindApp, "subscriptions", (*Server).unsubscribe},

	// Multi-id read GET /?ids=a,b, and the token endpoints (no Graph object:
	// the kind is the literal path segment).
	{"GET", kindRoot, "", (*Server).multiIDRead},
	{"GET", kindAccessToken, "", (*Server).exchangeInstagram},
	{"GET", kindRefreshToken, "", (*Server).refreshInstagram},
	{"GET", kindOAuth, "access_token", (*Server).exchangeFacebook},
	{"GET", kindDebugToken, "", (*Server).debugToken},
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
// keys use.
type objectKind string

const (
	kindRoot          objectKind = ""                // no path: GET /?ids=a,b
	kindMe            objectKind = "me"              // resolved by token to kindIGUser, kindPage or kindFBUser
	kindFBUser        objectKind = "{user-id}"       // Facebook user (Facebook login)
	kindPage          objectKind = "{page-id}"       // Facebook Page linked to an IG account
	kindIGUser        objectKind = "{ig-user-id}"    // IG professional account (its id or, Instagram login, its app-scoped id)
	kindContainer     objectKind = "{container-id}"  // media container (not yet published)
	kindMedia         objectKind = "{ig-media-id}"   // published media or carousel child
	kindComment       objectKind = "{ig-comment-id}" // comment or reply
	kindHashtagSearch objectKind = "ig_hashtag_search"
	kindHashtag       objectKind = "{ig-hashtag-id}"
	kindAudioSearch   objectKind = "ig_audio"
	kindOEmbed        objectKind = "instagram_oembed"
	kindApp           objectKind = "{app-id}" // the seeded app
	kindUnknown       objectKind = "{unknown}"

	// Token endpoints (oauth.go).
	kindAccessToken  objectKind = "access_token"
	kindRefreshToken objectKind = "refresh_access_token"
	kindOAuth        objectKind = "oauth"
	kindDebugToken   objectKind = "debug_token"

	// The upload host (uploads.go).
	kindUpload objectKind = "ig-api-upload/{container-id}"
)

// objectKinds says, per kind, how a request reaches its object: resolve
// checks that the token may see it (and any rule the kind applies before it
// looks at the edge); ownAuth kinds authenticate themselves (token endpoints).
var objectKinds = map[objectKind]struct {
	resolve func(s *Server, req *request, id, edge string) (*target, *apiError)
	ownAuth bool
}{
	kindRoot:          {resolve: (*Server).resolveRoot},
	kindFBUser:        {resolve: (*Server).resolveFBUser},
	kindPage:          {resolve: (*Server).resolvePage},
	kindIGUser:        {resolve: (*Server).resolveIGUser},
	kindContainer:     {resolve: (*Server).resolveContainer},
	kindMedia:         {resolve: (*Server).resolveMedia},
	kindComment:       {resolve: (*Server).resolveComment},
	kindHashtagSearch: {resolve: (*Server).resolveHashtagSearch},
	kindHashtag:       {resolve: (*Server).resolveHashtag},
	kindAudioSearch:   {resolve: (*Server).resolveAudioSearch},
	kindOEmbed:        {resolve: (*Server).resolveOEmbed, ownAuth: true}, // a token is optional
	kindApp:           {resolve: (*Server).resolveApp},
	kindUnknown:       {resolve: (*Server).resolveUnknown},
	kindAccessToken:   {resolve: (*Server).resolveTokenEndpoint, ownAuth: true},
	kindRefreshToken:  {resolve: (*Server).resolveTokenEndpoint, ownAuth: true},
	kindOAuth:         {resolve: (*Server).resolveTokenEndpoint, ownAuth: true},
	kindDebugToken:    {resolve: (*Server).resolveTokenEndpoint, ownAuth: true},
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

// routeIndex and knownEdges index routes for dispatch. They are built once
// by init (handlers refer back to the dispatcher, so they cannot be
// initialized in their declaration) and never change.
var (
	routeIndex map[string]handler
	knownEdges map[kindEdge]bool
)

func init() {
	routeIndex, knownEdges = map[string]handler{}, map[kindEdge]bool{}
	for _, r := range routes {
		if routeIndex[r.key()] != nil {
			panic("emulator: duplicate route " + r.key())
		}
		routeIndex[r.key()] = r.handle
		knownEdges[kindEdge{r.kind, r.edge}] = true
	}
}

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
