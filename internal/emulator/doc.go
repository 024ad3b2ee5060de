// Package emulator is a stateful, in-memory fake of the Instagram Graph API
// (both the Facebook Login and the Instagram Login flavours). It mirrors
// Meta's wire contract as Meta documents it
// (https://developers.facebook.com/docs/instagram-platform): version prefix,
// fields projection, error envelopes, container state machine, publishing
// quota, paging and usage headers. Where Meta's documentation is silent or
// contradicts itself, an Option chooses the behaviour. Time and ids are
// deterministic.
//
// The login flavour follows the token: IG… tokens behave like
// graph.instagram.com (Instagram Login), EAA… tokens like graph.facebook.com
// (Facebook Login).
//
// # Routes
//
// The Graph API routes a request by the kind of object its first path
// segment names, so the emulator does too: routes.go holds the one route
// table, (method, object kind, edge) → handler. Every Graph request is
// counted (CallCount) under its route key, the kind in place of the id:
//
//	GET /{user-id}
//	GET /{user-id}/accounts
//	GET /{page-id}
//	GET /{page-id}/subscribed_apps
//	POST /{page-id}/subscribed_apps
//	DELETE /{page-id}/subscribed_apps
//
//	GET /{ig-user-id}
//	GET /{ig-user-id}/media
//	POST /{ig-user-id}/media
//	GET /{ig-user-id}/stories
//	POST /{ig-user-id}/media_publish
//	GET /{ig-user-id}/content_publishing_limit
//	GET /{ig-user-id}/insights
//	GET /{ig-user-id}/tags
//	POST /{ig-user-id}/mentions
//	GET /{ig-user-id}/recently_searched_hashtags
//	GET /{ig-user-id}/subscribed_apps
//	POST /{ig-user-id}/subscribed_apps
//	DELETE /{ig-user-id}/subscribed_apps
//	GET /{ig-user-id}/collaboration_invites
//	POST /{ig-user-id}/collaboration_invites
//	GET /{ig-user-id}/collaborative_media
//
//	GET /{container-id}
//	GET /{ig-media-id}
//	POST /{ig-media-id}
//	DELETE /{ig-media-id}
//	GET /{ig-media-id}/children
//	GET /{ig-media-id}/collaborators
//	GET /{ig-media-id}/poll_attachment
//	GET /{ig-media-id}/insights
//	GET /{ig-media-id}/comments
//	POST /{ig-media-id}/comments
//
//	GET /{ig-comment-id}
//	POST /{ig-comment-id}
//	DELETE /{ig-comment-id}
//	GET /{ig-comment-id}/replies
//	POST /{ig-comment-id}/replies
//
//	GET /ig_hashtag_search
//	GET /{ig-hashtag-id}
//	GET /{ig-hashtag-id}/top_media
//	GET /{ig-hashtag-id}/recent_media
//
//	GET /ig_audio
//
//	GET /{app-id}/subscriptions
//	POST /{app-id}/subscriptions
//	DELETE /{app-id}/subscriptions
//
//	GET /
//	GET /access_token
//	GET /refresh_access_token
//	GET /oauth/access_token
//	GET /debug_token
//	GET /instagram_oembed
//
//	POST /ig-api-upload/{container-id}
//	GET /ig-api-upload/{container-id}
//
// /me is the IG user with an Instagram-login token, the Page with a Page
// token, the Facebook user otherwise; its route keys keep "me" (e.g.
// "GET /me/accounts"). Literal roots (ig_hashtag_search, ig_audio, the
// token endpoints, instagram_oembed) are their own kind: a row of the route
// table is all they need. GET / is the multi-id read GET /?ids=a,b, each id
// metered as a call (multiid.go), which apps created since 2026-11-04 may
// not use (legacy.go); the token endpoints (oauth.go) and oEmbed, which
// needs no token (oembed.go), authenticate themselves.
// Business discovery and the mentioned_media and mentioned_comment reads of
// @mentions are fields of GET /{ig-user-id}. The last two are the video
// upload host (rupload.facebook.com at Meta), served under UploadPrefix
// (uploads.go). Ids the emulator does not know count as "{unknown}", and an
// edge that does not exist keeps its literal name (e.g.
// "GET /{ig-user-id}/live_media").
//
// The control plane (ControlPrefix, control.go) changes the state behind the
// API's back and injects faults; it is never counted.
package emulator
