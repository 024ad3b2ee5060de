package graph

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Graph error codes and Instagram subcodes that callers branch on. Meta lists
// the Instagram ones (code + 7-digit subcode, the user message and the
// recommended solution) on its Error Codes page:
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
// and the generic Graph codes (190, 4, 17, …) on
// https://developers.facebook.com/docs/graph-api/guides/error-handling
const (
	CodeInvalidParameter    = 100 // without a subcode: a parameter Graph refuses (with 33: not found)
	CodeAccessToken         = 190 // invalid or expired access token
	SubcodeSessionExpired   = 463 // with 190: the token's session has expired
	CodeActivityRestricted  = 4   // with SubcodeActivityRestricted; code 4 alone is the app throttle
	CodePublishingQuota     = 9   // with SubcodeQuotaReached
	CodeMediaFetchFailed    = 9004
	CodeNotReady            = 9007 // media_publish before the container is FINISHED
	CodeCaptionRejected     = 36004
	CodeWebhookVerification = 2200 // Meta's GET to the callback URL failed
	CodeWebhookChallenge    = 2201 // the callback answered something other than hub.challenge

	SubcodeServerError         = 2207001
	SubcodeDownloadTimeout     = 2207003
	SubcodeImageTooLarge       = 2207004
	SubcodeImageFormat         = 2207005
	SubcodeMediaNotFound       = 2207006
	SubcodeMediaBuilderExpired = 2207008
	SubcodeAspectRatio         = 2207009
	SubcodeCaptionTooLong      = 2207010
	SubcodeContainerExpired    = 2207020
	SubcodeUnknownMediaType    = 2207023
	SubcodeVideoFormat         = 2207026
	SubcodeNotReady            = 2207027
	SubcodeCarouselItemCount   = 2207028
	SubcodeCreateMediaFailed   = 2207032
	SubcodeTooManyTags         = 2207040
	SubcodeQuotaReached        = 2207042
	SubcodeAccountRestricted   = 2207050
	SubcodeActivityRestricted  = 2207051
	SubcodeMediaFetchFailed    = 2207052
	SubcodeUnknownUploadError  = 2207053
	SubcodeThumbOffset         = 2207057
	// SubcodeTrialReelsUnsupported: the account cannot publish trial reels.
	// Not on Meta's Error Codes page; reported by developers (uncertain).
	SubcodeTrialReelsUnsupported = 2207081
)

// subcodeInfo is one row of Meta's Error Codes table, in our words.
type subcodeInfo struct {
	explanation string
	// attribute is the POST /{ig-user-id}/media parameter the subcode is
	// about ("" when it is about none in particular).
	attribute string
}

// subcodes explains every Instagram subcode of Meta's Error Codes page
// (linked above) in one place: container statuses, container creation and
// media_publish answers all use them. Read-only.
var subcodes = map[int]subcodeInfo{
	SubcodeServerError:         {explanation: "Instagram had a server error. Try again."},
	SubcodeDownloadTimeout:     {explanation: "Downloading the media took too long. Make sure the URL answers quickly, then try again."},
	SubcodeImageTooLarge:       {explanation: "The image is larger than 8 MB.", attribute: "image_url"},
	SubcodeImageFormat:         {explanation: "The image format is not supported; use JPEG.", attribute: "image_url"},
	SubcodeMediaNotFound:       {explanation: "The media container was not found: it may have expired, or the token lacks a permission. Try again."},
	SubcodeMediaBuilderExpired: {explanation: "The media container does not exist any more or has expired. Try again in a minute or two."},
	SubcodeAspectRatio:         {explanation: "The image aspect ratio must be between 4:5 and 1.91:1.", attribute: "image_url"},
	SubcodeCaptionTooLong:      {explanation: "Captions are limited to 2200 characters, 30 hashtags and 20 @mentions.", attribute: "caption"},
	SubcodeContainerExpired:    {explanation: "The container expired before it was published (containers live 24 hours). Try again."},
	SubcodeUnknownMediaType:    {explanation: "Instagram does not know this media type."},
	SubcodeVideoFormat:         {explanation: "The video format is not supported; use MP4 or MOV (H.264 or HEVC video, AAC audio).", attribute: "video_url"},
	SubcodeNotReady:            {explanation: "The media is not ready to be published yet; wait for processing to finish."},
	SubcodeCarouselItemCount:   {explanation: "A carousel needs 2 to 10 items.", attribute: "children"},
	SubcodeCreateMediaFailed:   {explanation: "Instagram failed to create the media. Try again."},
	SubcodeTooManyTags:         {explanation: "A post can mention at most 20 accounts.", attribute: "caption"},
	SubcodeQuotaReached:        {explanation: "The account reached its publishing quota for the last 24 hours. Posts can be published again as older ones leave the 24-hour window."},
	SubcodeAccountRestricted:   {explanation: "The Instagram account is restricted, inactive or needs a security check: log in to the Instagram app and resolve it."},
	SubcodeActivityRestricted:  {explanation: "Instagram restricted this activity as suspected spam. The post may have been published anyway: check the account before trying again."},
	SubcodeMediaFetchFailed:    {explanation: "Instagram could not download the media. The URL must be public, reachable from the internet when publishing, and point at the file itself."},
	SubcodeUnknownUploadError:  {explanation: "An unknown error occurred while uploading the video. Try again."},
	SubcodeThumbOffset:         {explanation: "thumb_offset is outside the video: it must be at least 0 and shorter than the video.", attribute: "thumb_offset"},
	SubcodeTrialReelsUnsupported: {explanation: "This account cannot publish trial reels (Instagram offers them to some professional accounts only); remove trial_params.",
		attribute: "trial_params"},
}

// ExplainSubcode says, for a user, what an Instagram error subcode means and
// what to do about it.
func ExplainSubcode(subcode int) (string, bool) {
	info, ok := subcodes[subcode]
	return info.explanation, ok
}

// SubcodeAttribute names the POST /{ig-user-id}/media parameter a subcode is
// about ("caption", "children", "thumb_offset", "image_url", "video_url"), or
// "" when it is about none in particular.
func SubcodeAttribute(subcode int) string { return subcodes[subcode].attribute }

// ExplainedSubcodes lists the subcodes ExplainSubcode knows, in order.
func ExplainedSubcodes() []int {
	out := make([]int, 0, len(subcodes))
	for s := range subcodes {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// SubcodeInStatus finds the 7-digit subcode in a container's `status` text
// (e.g. "Error: 2207026"), or 0. Meta does not document the wording, only
// that an ERROR status carries the subcode.
func SubcodeInStatus(status string) int {
	for _, f := range strings.FieldsFunc(status, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(f) == 7 {
			if n, err := strconv.Atoi(f); err == nil {
				return n
			}
		}
	}
	return 0
}

// is reports a Graph error with this code and, when subcode is not 0, this subcode.
func is(err error, code, subcode int) bool {
	e, ok := asError(err)
	return ok && e.Code == code && (subcode == 0 || e.Subcode == subcode)
}

// hasSubcode reports a Graph error carrying this subcode, whatever its code.
func hasSubcode(err error, subcode int) bool {
	e, ok := asError(err)
	return ok && e.Subcode == subcode
}

// IsNotReady reports media_publish's "Media ID is not available" (9007 /
// 2207027): the container is still processing; wait and publish again.
func IsNotReady(err error) bool {
	return is(err, CodeNotReady, 0) || hasSubcode(err, SubcodeNotReady)
}

// IsPublishingQuotaReached reports the 24-hour publishing quota (9 / 2207042).
func IsPublishingQuotaReached(err error) bool {
	return is(err, CodePublishingQuota, SubcodeQuotaReached)
}

// IsInvalidParameter reports Graph's generic "(#100) Invalid parameter"
// family: code 100 without a subcode (100/33 is not-found, IsNotFound).
// oEmbed answers it for URLs it will not embed (uncertain).
func IsInvalidParameter(err error) bool {
	e, ok := asError(err)
	return ok && e.Code == CodeInvalidParameter && e.Subcode == 0
}

// IsSessionExpired reports an expired access token (190 / 463).
func IsSessionExpired(err error) bool {
	return is(err, CodeAccessToken, SubcodeSessionExpired)
}

// IsMediaFetchFailed reports that Instagram could not download the media
// from its URL (9004 / 2207052).
func IsMediaFetchFailed(err error) bool {
	return is(err, CodeMediaFetchFailed, 0) || hasSubcode(err, SubcodeMediaFetchFailed)
}

// IsCaptionRejected reports a caption over Instagram's limits (36004 /
// 2207010, or 2207040 for too many @mentions).
func IsCaptionRejected(err error) bool {
	return is(err, CodeCaptionRejected, 0) || hasSubcode(err, SubcodeCaptionTooLong) || hasSubcode(err, SubcodeTooManyTags)
}

// IsActivityRestricted reports Instagram's spam block (4 / 2207051). Unlike
// other code-4 answers it is not a throttle, and a publish that got it may
// have posted anyway.
func IsActivityRestricted(err error) bool {
	e, ok := asError(err)
	return ok && isActivityRestricted(e)
}

func isActivityRestricted(e *Error) bool {
	return e.Code == CodeActivityRestricted && e.Subcode == SubcodeActivityRestricted
}

// IsWebhookVerificationFailed reports that Meta could not verify a webhook
// callback URL while subscribing: its GET failed (2200) or the answer was not
// the hub.challenge (2201). See
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started
func IsWebhookVerificationFailed(err error) bool {
	return is(err, CodeWebhookVerification, 0) || is(err, CodeWebhookChallenge, 0)
}

// nodeTypeRE finds the object type in Graph's answer to a field its type
// lacks: "(#100) Tried accessing nonexisting field (media_count) on node
// type (Page)".
var nodeTypeRE = regexp.MustCompile(`nonexisting field \(\w+\) on node type \((\w+)\)`)

// WrongNodeType reports Graph's refusal of a field the object does not have
// (code 100, "… on node type (Page)") and names the object's type: asked of
// an id the caller took for another kind of object (a Page id given as an
// Instagram account id), it says what the id really is.
func WrongNodeType(err error) (nodeType string, ok bool) {
	e, isGraph := asError(err)
	if !isGraph || e.Code != 100 {
		return "", false
	}
	m := nodeTypeRE.FindStringSubmatch(e.Message)
	if m == nil {
		return "", false
	}
	return m[1], true
}
